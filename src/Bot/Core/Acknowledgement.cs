namespace CineSync.Bot.Core;

/// <summary>How soon a handler can answer: at once, or after a "thinking…" acknowledgement.</summary>
internal enum Acknowledgement
{
    /// <summary>Answers well within Discord's 3 s (a safety net still defers after 2 s).</summary>
    Immediate,

    /// <summary>May take over 2 s: acknowledge first, then edit the answer in.</summary>
    Deferred,

    /// <summary>As <see cref="Deferred"/>, with an answer only the user sees.</summary>
    DeferredEphemeral,
}
