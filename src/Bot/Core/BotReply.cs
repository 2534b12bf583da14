namespace CineSync.Bot.Core;

/// <summary>
/// What a handler answers, independent of where it is shown: the Discord renderer turns it into a message
/// (or a modal), the console renderer into text. Handlers never talk to Discord or the terminal themselves.
/// </summary>
internal sealed record BotReply
{
    /// <summary>Plain text above the embeds.</summary>
    public string? Content { get; init; }

    public IReadOnlyList<BotEmbed> Embeds { get; init; } = [];

    /// <summary>Rows of buttons (at most 5 rows of 5).</summary>
    public IReadOnlyList<IReadOnlyList<BotButton>> Rows { get; init; } = [];

    /// <summary>Only the invoking user sees it.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>For component handlers: replace the message the button was on instead of answering with a new one.</summary>
    public bool UpdatesSource { get; init; }

    public BotFile? File { get; init; }

    /// <summary>Ask the user to fill in a form instead of answering with a message.</summary>
    public BotModal? Modal { get; init; }

    /// <summary>An ephemeral text answer (errors, confirmations).</summary>
    public static BotReply Private(string content) => new() { Content = content, Ephemeral = true };
}

/// <summary>A file sent with a reply (<c>/export_my_data</c>).</summary>
internal sealed record BotFile(string Name, ReadOnlyMemory<byte> Content, string ContentType);
