using CineSync.Grains.Interfaces;

namespace CineSync.Grains.OnlineMetrics;

/// <summary>Builds the online metrics report: the sliding windows and the hourly trend, all ending at one moment.</summary>
internal static class OnlineMetricsReporter
{
    /// <summary>The windows, shortest first.</summary>
    public static readonly IReadOnlyList<(string Name, TimeSpan Length)> Windows =
        [("hour", TimeSpan.FromHours(1)), ("day", TimeSpan.FromDays(1)), ("week", TimeSpan.FromDays(7))];

    /// <summary>The report for windows ending at <paramref name="now"/>.</summary>
    public static async Task<OnlineMetricsReport> ComputeAsync(OnlineMetricsStore store, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var windows = new List<OnlineWindow>(Windows.Count);
        foreach (var (name, length) in Windows)
        {
            var figures = await store.ReadAsync(now - length, now, null, cancellationToken).ConfigureAwait(false);
            windows.Add(new OnlineWindow(
                name,
                length,
                figures.Total,
                [.. figures.Segments
                    .OrderByDescending(s => s.Value.TitlesShown)
                    .ThenByDescending(s => s.Key.ModelVersion)
                    .Select(s => new OnlineSegment(s.Key.ModelVersion, s.Key.ExperimentId, s.Key.Arm, s.Value))]));
        }

        var trend = await store.ReadTrendAsync(now - TimeSpan.FromDays(1), now, cancellationToken).ConfigureAwait(false);
        return new OnlineMetricsReport(now, windows, trend);
    }
}
