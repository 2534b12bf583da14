using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>A button. Create with <see cref="Create"/> or <see cref="Link"/>.</summary>
public sealed class ButtonBuilder
{
    private ButtonBuilder(ButtonStyle style, string? customId, string? url, string? label)
    {
        Style = style;
        CustomId = customId;
        Url = url;
        Label = label;
    }

    /// <summary>The button's colour, or <see cref="ButtonStyle.Link"/>.</summary>
    public ButtonStyle Style { get; }
    /// <summary>What an interactive button sends when pressed; null for a link.</summary>
    public string? CustomId { get; }
    /// <summary>Where a link button leads; null for an interactive one.</summary>
    public string? Url { get; }
    /// <summary>The text on the button (at most 80 characters).</summary>
    public string? Label { get; set; }

    /// <summary>A unicode emoji shown before the label, such as 👍.</summary>
    public string? Emoji { get; set; }

    /// <summary>Whether the button is shown greyed out and cannot be pressed.</summary>
    public bool Disabled { get; set; }

    /// <summary>An interactive button; pressing it sends a component interaction with <paramref name="customId"/>.</summary>
    public static ButtonBuilder Create(string customId, string? label, ButtonStyle style = ButtonStyle.Secondary, string? emoji = null)
    {
        if (style == ButtonStyle.Link)
        {
            throw new DiscordLimitException("Link buttons have a URL, not a custom_id; use ButtonBuilder.Link.");
        }

        return new ButtonBuilder(style, customId, null, label) { Emoji = emoji };
    }

    /// <summary>A button that opens <paramref name="url"/>; it sends no interaction.</summary>
    public static ButtonBuilder Link(string url, string label) => new(ButtonStyle.Link, null, url, label);

    internal JsonComponent Build()
    {
        if (Style != ButtonStyle.Link)
        {
            DiscordLimits.Length(CustomId, DiscordLimits.CustomId, "Button custom_id", min: 1);
        }
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out _))
        {
            throw new DiscordLimitException($"Link button URL '{Url}' is not an absolute URL.");
        }

        DiscordLimits.Length(Label, DiscordLimits.ButtonLabel, "Button label");
        if (string.IsNullOrEmpty(Label) && string.IsNullOrEmpty(Emoji))
        {
            throw new DiscordLimitException("A button needs a label or an emoji.");
        }

        return new JsonComponent
        {
            Type = (int)ComponentType.Button,
            Style = (int)Style,
            CustomId = CustomId,
            Url = Url,
            Label = Label,
            Emoji = Emoji is null ? null : new JsonEmoji { Name = Emoji },
            Disabled = Disabled ? true : null,
        };
    }
}
