namespace CineSync.Bot.Core;

/// <summary>A card: title, text, fields and a footer.</summary>
internal sealed record BotEmbed(string Title, string? Description = null, IReadOnlyList<BotField>? Fields = null, string? Footer = null, int? Color = null)
{
    public IReadOnlyList<BotField> FieldList => Fields ?? [];
}

/// <summary>A named value in a card.</summary>
internal sealed record BotField(string Name, string Value, bool Inline = false);
