using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>A drop-down of text options (1–25).</summary>
public sealed class StringSelectBuilder(string customId)
{
    private readonly List<JsonSelectOption> _options = [];

    /// <summary>What a choice sends as its custom_id.</summary>
    public string CustomId { get; } = customId;
    /// <summary>The text shown before anything is chosen.</summary>
    public string? Placeholder { get; set; }
    /// <summary>The fewest choices to make.</summary>
    public int? MinValues { get; set; }
    /// <summary>The most choices to make.</summary>
    public int? MaxValues { get; set; }
    /// <summary>Whether the select is shown greyed out.</summary>
    public bool Disabled { get; set; }

    /// <summary>Adds a choice (at most 25); returns this select.</summary>
    public StringSelectBuilder AddOption(string label, string value, string? description = null, string? emoji = null, bool isDefault = false)
    {
        _options.Add(new JsonSelectOption
        {
            Label = label,
            Value = value,
            Description = description,
            Emoji = emoji is null ? null : new JsonEmoji { Name = emoji },
            Default = isDefault ? true : null,
        });
        return this;
    }

    internal JsonComponent Build()
    {
        DiscordLimits.Length(CustomId, DiscordLimits.CustomId, "Select custom_id", min: 1);
        DiscordLimits.Length(Placeholder, DiscordLimits.SelectPlaceholder, "Select placeholder");
        DiscordLimits.Count(_options.Count, DiscordLimits.SelectOptions, "Select options", min: 1);
        for (var i = 0; i < _options.Count; i++)
        {
            DiscordLimits.Length(_options[i].Label, DiscordLimits.SelectOptionLabel, $"Select option {i + 1} label", min: 1);
            DiscordLimits.Length(_options[i].Value, DiscordLimits.SelectOptionValue, $"Select option {i + 1} value", min: 1);
            DiscordLimits.Length(_options[i].Description, DiscordLimits.SelectOptionDescription, $"Select option {i + 1} description");
        }

        SelectValues.Check(MinValues, MaxValues, _options.Count);
        return new JsonComponent
        {
            Type = (int)ComponentType.StringSelect,
            CustomId = CustomId,
            Placeholder = Placeholder,
            MinValues = MinValues,
            MaxValues = MaxValues,
            Disabled = Disabled ? true : null,
            Options = [.. _options],
        };
    }
}
