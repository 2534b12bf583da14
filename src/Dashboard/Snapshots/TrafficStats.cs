using CineSync.Dashboard.Metrics;

namespace CineSync.Dashboard.Snapshots;

/// <summary>
/// Call figures of a series: totals since start, and rates and latency over the recent window. The raw
/// <see cref="Window"/> travels along so that merging silos gives exact percentiles, not averaged ones.
/// </summary>
internal sealed record TrafficStats(
    long TotalCalls,
    long TotalErrors,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double ErrorRate,
    double? MeanLatencyMs,
    double? P50LatencyMs,
    double? P99LatencyMs,
    CallWindow Window)
{
    public static TrafficStats Empty { get; } = Create(0, 0, CallWindow.Empty);

    public static TrafficStats Create(long totalCalls, long totalErrors, CallWindow window)
    {
        var seconds = Math.Max(0.05, window.Seconds);
        return new TrafficStats(
            totalCalls,
            totalErrors,
            (double)window.Calls / seconds,
            (double)window.Errors / seconds,
            window.Calls == 0 ? 0 : (double)window.Errors / window.Calls,
            window.DurationCount == 0 ? null : window.DurationSumMs / window.DurationCount,
            LatencyBuckets.Quantile(window.Buckets, 0.50),
            LatencyBuckets.Quantile(window.Buckets, 0.99),
            window);
    }

    /// <summary>Sums totals and windows.</summary>
    public static TrafficStats Merge(IEnumerable<TrafficStats> parts)
    {
        long calls = 0, errors = 0;
        var windows = new List<CallWindow>();
        foreach (var part in parts)
        {
            calls += part.TotalCalls;
            errors += part.TotalErrors;
            windows.Add(part.Window);
        }

        return Create(calls, errors, CallWindow.Merge(windows));
    }
}

/// <summary>Raw figures over the last <see cref="Seconds"/> seconds; buckets as in <see cref="LatencyBuckets"/>, trailing zeros trimmed.</summary>
internal sealed record CallWindow(double Seconds, long Calls, long Errors, long DurationCount, double DurationSumMs, long[] Buckets)
{
    public static CallWindow Empty { get; } = new(0, 0, 0, 0, 0, []);

    public static CallWindow From(WindowTotals totals, double seconds)
    {
        var length = totals.Buckets.AsSpan().LastIndexOfAnyExcept(0L) + 1;
        return new CallWindow(seconds, totals.Calls, totals.Errors, totals.DurationCount, totals.DurationSumNanos / 1_000_000.0, totals.Buckets[..length]);
    }

    /// <summary>Sums windows of several series or silos (the window length is the longest one's).</summary>
    public static CallWindow Merge(IReadOnlyCollection<CallWindow> windows)
    {
        var buckets = new long[windows.Count == 0 ? 0 : windows.Max(w => w.Buckets.Length)];
        double seconds = 0;
        long calls = 0, errors = 0, count = 0;
        double sum = 0;
        foreach (var w in windows)
        {
            seconds = Math.Max(seconds, w.Seconds);
            calls += w.Calls;
            errors += w.Errors;
            count += w.DurationCount;
            sum += w.DurationSumMs;
            for (var i = 0; i < w.Buckets.Length; i++)
            {
                buckets[i] += w.Buckets[i];
            }
        }

        return new CallWindow(seconds, calls, errors, count, sum, buckets);
    }
}
