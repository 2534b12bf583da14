namespace CineSync.Bot.Core;

/// <summary>How a failure is logged.</summary>
internal enum FailureKind
{
    /// <summary>The user asked for something impossible; not a problem of the bot.</summary>
    Refusal,

    /// <summary>The cluster is unreachable or slow; worth a warning, not a stack trace.</summary>
    Transient,

    /// <summary>A bug or an unexpected failure.</summary>
    Fault,
}
