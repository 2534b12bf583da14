namespace CineSync.Dashboard.Snapshots;

/// <summary>
/// One chart point per second, as columns starting at <see cref="StartUnixSeconds"/>; <c>null</c> where
/// no sample exists (before start, or a missed tick). Columns align by wall-clock second across silos.
/// </summary>
internal sealed record History(
    long StartUnixSeconds,
    double?[] CallsPerSecond,
    double?[] ErrorsPerSecond,
    double?[] MeanLatencyMs,
    double?[] P99LatencyMs,
    double?[] Activations,
    double?[] CpuPercent,
    double?[] WorkingSetMb,
    double?[] RatingsPerSecond,
    IReadOnlyDictionary<string, double?[]> CallsByGrainType);

/// <summary>The latest second, pushed to open pages over server-sent events.</summary>
internal sealed record HistoryPoint(
    long UnixSeconds,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double? MeanLatencyMs,
    double? P99LatencyMs,
    double Activations,
    double CpuPercent,
    double WorkingSetMb,
    double RatingsPerSecond,
    IReadOnlyDictionary<string, double> CallsByGrainType)
{
    public static HistoryPoint Empty { get; } = new(0, 0, 0, null, null, 0, 0, 0, 0, new Dictionary<string, double>());
}
