namespace CineSync.Discord.Messages;

/// <summary>Single-line or multi-line text input.</summary>
public enum TextInputStyle
{
    /// <summary>One line.</summary>
    Short = 1,
    /// <summary>Several lines.</summary>
    Paragraph = 2,
}
