namespace CineSync.Dashboard.Logging;

/// <summary>One line of the live log tail.</summary>
/// <param name="Sequence">Increasing number, for resuming a stream.</param>
/// <param name="TimestampUnixMs">When it was logged.</param>
/// <param name="Level">Log level name.</param>
/// <param name="Category">Logger category.</param>
/// <param name="Message">The redacted message (and exception summary).</param>
internal sealed record LogLine(long Sequence, long TimestampUnixMs, string Level, string Category, string Message);
