using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>A drop-down of text options (1–25).</summary>
public sealed class StringSelectBuilder(string customId)
{
    private readonly List<JsonSelectOption> _options = [];

    public string CustomId { get; } = customId;
    public string? Placeholder { get; set; }
    public int? MinValues { get; set; }
    public int? MaxValues { get; set; }
    public bool Disabled { get; set; }

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
