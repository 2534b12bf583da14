using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>A drop-down of server members; the interaction carries the chosen users in <c>resolved</c>.</summary>
public sealed class UserSelectBuilder(string customId)
{
    /// <summary>What a choice sends as its custom_id.</summary>
    public string CustomId { get; } = customId;
    /// <summary>The text shown before anyone is chosen.</summary>
    public string? Placeholder { get; set; }
    /// <summary>The fewest users to choose.</summary>
    public int? MinValues { get; set; }
    /// <summary>The most users to choose.</summary>
    public int? MaxValues { get; set; }
    /// <summary>Whether the select is shown greyed out.</summary>
    public bool Disabled { get; set; }

    internal JsonComponent Build()
    {
        DiscordLimits.Length(CustomId, DiscordLimits.CustomId, "User select custom_id", min: 1);
        DiscordLimits.Length(Placeholder, DiscordLimits.SelectPlaceholder, "User select placeholder");
        SelectValues.Check(MinValues, MaxValues, 25);
        return new JsonComponent
        {
            Type = (int)ComponentType.UserSelect,
            CustomId = CustomId,
            Placeholder = Placeholder,
            MinValues = MinValues,
            MaxValues = MaxValues,
            Disabled = Disabled ? true : null,
        };
    }
}
