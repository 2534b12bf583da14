using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>Builds an embed; <see cref="Build"/> checks Discord's per-embed limits.</summary>
public sealed class EmbedBuilder
{
    private readonly List<JsonEmbedField> _fields = [];

    /// <summary>The card's title.</summary>
    public string? Title { get; set; }
    /// <summary>The card's text.</summary>
    public string? Description { get; set; }
    /// <summary>Where the title links to.</summary>
    public string? Url { get; set; }
    /// <summary>The colour of the card's edge, as 0xRRGGBB.</summary>
    public int? Color { get; set; }
    /// <summary>The time shown in the footer.</summary>
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>The footer's text.</summary>
    public string? FooterText { get; set; }
    /// <summary>The footer's icon.</summary>
    public string? FooterIconUrl { get; set; }
    /// <summary>The author line's text.</summary>
    public string? AuthorName { get; set; }
    /// <summary>Where the author line links to.</summary>
    public string? AuthorUrl { get; set; }
    /// <summary>The small image at the top right.</summary>
    public string? ThumbnailUrl { get; set; }
    /// <summary>The large image below the text.</summary>
    public string? ImageUrl { get; set; }

    /// <summary>The fields added so far.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>Sets <see cref="Title"/>; returns this builder.</summary>
    public EmbedBuilder WithTitle(string title) { Title = title; return this; }
    /// <summary>Sets <see cref="Description"/>; returns this builder.</summary>
    public EmbedBuilder WithDescription(string description) { Description = description; return this; }
    /// <summary>Sets <see cref="Color"/>; returns this builder.</summary>
    public EmbedBuilder WithColor(int color) { Color = color; return this; }
    /// <summary>Sets the footer; returns this builder.</summary>
    public EmbedBuilder WithFooter(string text, string? iconUrl = null) { FooterText = text; FooterIconUrl = iconUrl; return this; }
    /// <summary>Sets the author line; returns this builder.</summary>
    public EmbedBuilder WithAuthor(string name, string? url = null) { AuthorName = name; AuthorUrl = url; return this; }
    /// <summary>Sets <see cref="ThumbnailUrl"/>; returns this builder.</summary>
    public EmbedBuilder WithThumbnail(string url) { ThumbnailUrl = url; return this; }

    /// <summary>Adds a field (at most 25), side by side with its neighbours when <paramref name="inline"/>; returns this builder.</summary>
    public EmbedBuilder AddField(string name, string value, bool inline = false)
    {
        _fields.Add(new JsonEmbedField { Name = name, Value = value, Inline = inline ? true : null });
        return this;
    }

    /// <summary>Characters that count towards the 6000 total of a message's embeds.</summary>
    internal int CharacterCount
        => (Title?.Length ?? 0) + (Description?.Length ?? 0) + (FooterText?.Length ?? 0) + (AuthorName?.Length ?? 0)
           + _fields.Sum(f => f.Name.Length + f.Value.Length);

    internal JsonEmbed Build()
    {
        DiscordLimits.Length(Title, DiscordLimits.EmbedTitle, "Embed title");
        DiscordLimits.Length(Description, DiscordLimits.EmbedDescription, "Embed description");
        DiscordLimits.Length(FooterText, DiscordLimits.EmbedFooter, "Embed footer text");
        DiscordLimits.Length(AuthorName, DiscordLimits.EmbedAuthor, "Embed author name");
        DiscordLimits.Count(_fields.Count, DiscordLimits.EmbedFields, "Embed fields");
        for (var i = 0; i < _fields.Count; i++)
        {
            DiscordLimits.Length(_fields[i].Name, DiscordLimits.EmbedFieldName, $"Embed field {i + 1} name", min: 1);
            DiscordLimits.Length(_fields[i].Value, DiscordLimits.EmbedFieldValue, $"Embed field {i + 1} value", min: 1);
        }

        if (CharacterCount > DiscordLimits.EmbedTotal)
        {
            throw new DiscordLimitException($"Embed has {CharacterCount} characters in total; Discord allows at most {DiscordLimits.EmbedTotal}.");
        }

        return new JsonEmbed
        {
            Title = Title,
            Description = Description,
            Url = Url,
            Color = Color,
            Timestamp = Timestamp,
            Footer = FooterText is null ? null : new JsonEmbedFooter { Text = FooterText, IconUrl = FooterIconUrl },
            Author = AuthorName is null ? null : new JsonEmbedAuthor { Name = AuthorName, Url = AuthorUrl },
            Thumbnail = ThumbnailUrl is null ? null : new JsonEmbedMedia { Url = ThumbnailUrl },
            Image = ImageUrl is null ? null : new JsonEmbedMedia { Url = ImageUrl },
            Fields = _fields.Count == 0 ? null : [.. _fields],
        };
    }
}
