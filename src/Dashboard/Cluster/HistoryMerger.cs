using CineSync.Dashboard.Snapshots;

namespace CineSync.Dashboard.Cluster;

/// <summary>
/// Merges chart points and histories of several silos: rates, activations, memory and ratings add up;
/// mean latency is weighted by calls; p99 is the worst silo's (per-second buckets do not travel); CPU is
/// the silos' average.
/// </summary>
internal static class HistoryMerger
{
    public static HistoryPoint MergePoints(IReadOnlyList<HistoryPoint> points)
    {
        var calls = points.Sum(p => p.CallsPerSecond);
        return new HistoryPoint(
            points.Max(p => p.UnixSeconds),
            calls,
            points.Sum(p => p.ErrorsPerSecond),
            WeightedMean(points.Select(p => (p.MeanLatencyMs, p.CallsPerSecond))),
            points.Max(p => p.P99LatencyMs),
            points.Sum(p => p.Activations),
            points.Average(p => p.CpuPercent),
            points.Sum(p => p.WorkingSetMb),
            points.Sum(p => p.RatingsPerSecond),
            points.SelectMany(p => p.CallsByGrainType)
                .GroupBy(t => t.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Value), StringComparer.Ordinal));
    }

    public static History Merge(IReadOnlyList<History> parts)
    {
        var start = parts.Min(h => h.StartUnixSeconds);
        var end = parts.Max(h => h.StartUnixSeconds + h.CallsPerSecond.Length) - 1;
        var length = (int)Math.Max(0, end - start + 1);
        var calls = Column(parts, h => h.CallsPerSecond, start, length, Sum);
        return new History(
            start,
            calls,
            Column(parts, h => h.ErrorsPerSecond, start, length, Sum),
            WeightedMeanColumn(parts, start, length),
            Column(parts, h => h.P99LatencyMs, start, length, values => values.Max()),
            Column(parts, h => h.Activations, start, length, Sum),
            Column(parts, h => h.CpuPercent, start, length, values => values.Average()),
            Column(parts, h => h.WorkingSetMb, start, length, Sum),
            Column(parts, h => h.RatingsPerSecond, start, length, Sum),
            parts.SelectMany(h => h.CallsByGrainType.Keys).Distinct(StringComparer.Ordinal).ToDictionary(
                type => type,
                type => Column(parts, h => h.CallsByGrainType.TryGetValue(type, out var c) ? c : [], start, length, Sum),
                StringComparer.Ordinal));
    }

    private static double Sum(List<double> values) => values.Sum();

    /// <summary>Combines one column over the silos second by second; a second with no silo's value stays null.</summary>
    private static double?[] Column(IReadOnlyList<History> parts, Func<History, double?[]> select, long start, int length, Func<List<double>, double> combine)
    {
        var result = new double?[length];
        var values = new List<double>(parts.Count);
        for (var i = 0; i < length; i++)
        {
            values.Clear();
            foreach (var part in parts)
            {
                if (At(select(part), part.StartUnixSeconds, start + i) is { } v)
                {
                    values.Add(v);
                }
            }

            result[i] = values.Count == 0 ? null : combine(values);
        }

        return result;
    }

    private static double?[] WeightedMeanColumn(IReadOnlyList<History> parts, long start, int length)
    {
        var result = new double?[length];
        for (var i = 0; i < length; i++)
        {
            var second = start + i;
            result[i] = WeightedMean(parts.Select(p => (At(p.MeanLatencyMs, p.StartUnixSeconds, second), At(p.CallsPerSecond, p.StartUnixSeconds, second) ?? 0)));
        }

        return result;
    }

    private static double? At(double?[] column, long columnStart, long second)
    {
        var index = second - columnStart;
        return index >= 0 && index < column.Length ? column[index] : null;
    }

    private static double? WeightedMean(IEnumerable<(double? Value, double Weight)> values)
    {
        double sum = 0, weight = 0;
        foreach (var (value, w) in values)
        {
            if (value is { } v && w > 0)
            {
                sum += v * w;
                weight += w;
            }
        }

        return weight > 0 ? sum / weight : null;
    }
}
