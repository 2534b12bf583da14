namespace CineSync.Discord.Messages;

/// <summary>Button styles; <see cref="Link"/> buttons carry a URL instead of a custom_id.</summary>
public enum ButtonStyle
{
    /// <summary>Blurple: the main action.</summary>
    Primary = 1,
    /// <summary>Grey.</summary>
    Secondary = 2,
    /// <summary>Green.</summary>
    Success = 3,
    /// <summary>Red.</summary>
    Danger = 4,
    /// <summary>A link to a URL.</summary>
    Link = 5,
}
