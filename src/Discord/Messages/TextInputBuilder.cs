using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>A text input of a modal, shown under <see cref="Label"/>.</summary>
public sealed class TextInputBuilder(string customId, string label, TextInputStyle style = TextInputStyle.Short)
{
    /// <summary>The input's id in the submitted form.</summary>
    public string CustomId { get; } = customId;
    /// <summary>The text above the input (at most 45 characters).</summary>
    public string Label { get; } = label;
    /// <summary>One line or a paragraph.</summary>
    public TextInputStyle Style { get; } = style;

    /// <summary>Help text under the label (label form only).</summary>
    public string? Description { get; set; }

    /// <summary>The text shown while the input is empty.</summary>
    public string? Placeholder { get; set; }

    /// <summary>Pre-filled text.</summary>
    public string? Value { get; set; }

    /// <summary>The shortest text accepted.</summary>
    public int? MinLength { get; set; }
    /// <summary>The longest text accepted.</summary>
    public int? MaxLength { get; set; }
    /// <summary>Whether the form cannot be submitted without it. Default true.</summary>
    public bool Required { get; set; } = true;

    internal void Validate()
    {
        DiscordLimits.Length(CustomId, DiscordLimits.CustomId, "Text input custom_id", min: 1);
        DiscordLimits.Length(Label, DiscordLimits.TextInputLabel, "Text input label", min: 1);
        DiscordLimits.Length(Description, DiscordLimits.LabelDescription, "Text input description");
        DiscordLimits.Length(Placeholder, DiscordLimits.TextInputPlaceholder, "Text input placeholder");
        DiscordLimits.Length(Value, DiscordLimits.TextInputValue, "Text input value");
        if (MinLength is < 0 or > DiscordLimits.TextInputValue || MaxLength is < 1 or > DiscordLimits.TextInputValue || MinLength > MaxLength)
        {
            throw new DiscordLimitException($"Text input '{CustomId}' lengths {MinLength}..{MaxLength} must lie within 0..{DiscordLimits.TextInputValue}.");
        }
    }

    internal JsonComponent BuildInput(bool withLabel) => new()
    {
        Type = (int)ComponentType.TextInput,
        CustomId = CustomId,
        Style = (int)Style,
        Label = withLabel ? Label : null,
        Placeholder = Placeholder,
        Value = Value,
        MinLength = MinLength,
        MaxLength = MaxLength,
        Required = Required,
    };
}
