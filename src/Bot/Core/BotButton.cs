namespace CineSync.Bot.Core;

/// <summary>How a button looks.</summary>
internal enum BotButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

/// <summary>A button; pressing it routes <see cref="CustomId"/> to a component handler.</summary>
internal sealed record BotButton(string CustomId, string? Label, string? Emoji = null, BotButtonStyle Style = BotButtonStyle.Secondary, bool Disabled = false);
