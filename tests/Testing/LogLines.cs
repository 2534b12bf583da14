using Microsoft.Extensions.Logging.Testing;

namespace CineSync.Testing;

/// <summary>What a <see cref="FakeLoggerProvider"/> collected, as text for "says" and "never says" assertions.</summary>
public static class LogLines
{
    extension(FakeLoggerProvider provider)
    {
        /// <summary>
        /// Every record so far, one line each: level, category, message, structured state and exception text, so a
        /// secret that reaches a log by any of those ways shows.
        /// </summary>
        public IReadOnlyList<string> Lines =>
        [
            .. provider.Collector.GetSnapshot().Select(r =>
                $"{r.Level} {r.Category}: {r.Message} [{string.Join(",", (r.StructuredState ?? []).Select(p => $"{p.Key}={p.Value}"))}] {r.Exception}"),
        ];
    }
}
