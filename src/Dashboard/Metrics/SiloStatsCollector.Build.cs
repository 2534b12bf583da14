using CineSync.Dashboard.Snapshots;

namespace CineSync.Dashboard.Metrics;

/// <summary>Turning the sampled figures into snapshot records and chart history.</summary>
internal sealed partial class SiloStatsCollector
{
    private SiloSummary LocalSilo(long activations, double callsPerSecond) => new(
        _options.SiloName,
        DashboardUrl?.Authority ?? "local",
        DashboardUrl?.ToString(),
        nameof(SiloStatus.Active),
        [.. _options.Roles],
        _process.StartedAt,
        _process.Uptime.TotalSeconds,
        _process.CpuPercent,
        _process.WorkingSetBytes,
        _process.GcHeapBytes,
        activations,
        callsPerSecond,
        Reachable: true,
        Error: null);

    private List<GrainTypeStats> GrainTypes() =>
        [.. _types
            .Select(t => new GrainTypeStats(
                t.Key,
                t.Value.Activations,
                new Dictionary<string, long> { [_options.SiloName] = t.Value.Activations },
                TrafficStats.Create(t.Value.TotalCalls, t.Value.TotalErrors, CallWindow.From(t.Value.Window, t.Value.WindowSeconds))))
            .OrderByDescending(t => t.Traffic.CallsPerSecond)
            .ThenByDescending(t => t.Activations)
            .ThenBy(t => t.GrainType, StringComparer.Ordinal)];

    private RecommendationStats Recommendations(ModelInfo? model)
    {
        var byModel = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var series in _store.Feedback.All)
        {
            var kind = Array.IndexOf(FeedbackKinds, series.First);
            if (kind < 0)
            {
                continue;
            }

            if (!byModel.TryGetValue(series.Second, out var counts))
            {
                byModel[series.Second] = counts = new long[FeedbackKinds.Length];
            }

            counts[kind] += series.Value;
        }

        var active = _store.ActiveUsers.Value;
        var cold = _store.ColdStartUsers.Value;
        return new RecommendationStats(
            _lastRatings,
            RatingsPerMinute(),
            active,
            cold,
            active <= 0 ? null : (double)cold / active,
            [.. byModel.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => ModelFeedback.Create(m.Key, m.Value[0], m.Value[1], m.Value[2], m.Value[3]))],
            model,
            model is null ? [] : [model.Version]);
    }

    private static readonly string[] FeedbackKinds =
        [DashboardMetricNames.Like, DashboardMetricNames.Dislike, DashboardMetricNames.NotInterested, DashboardMetricNames.Watched];

    private void WriteHistory(HistoryPoint point, double elapsed)
    {
        // A sample that came late (the process stalled) stands for the seconds it skipped too.
        var last = _history.LastSecond;
        var from = last != long.MinValue && point.UnixSeconds - last - 1 is > 0 and <= MaxFilledSeconds && elapsed > 1.5 ? last + 1 : point.UnixSeconds;
        for (var second = from; second <= point.UnixSeconds; second++)
        {
            WriteHistorySecond(point, second);
        }
    }

    private void WriteHistorySecond(HistoryPoint point, long second)
    {
        Span<double> values = stackalloc double[HistoryColumns.Count];
        values[HistoryColumns.Calls] = point.CallsPerSecond;
        values[HistoryColumns.Errors] = point.ErrorsPerSecond;
        values[HistoryColumns.Mean] = point.MeanLatencyMs ?? double.NaN;
        values[HistoryColumns.P99] = point.P99LatencyMs ?? double.NaN;
        values[HistoryColumns.Activations] = point.Activations;
        values[HistoryColumns.Cpu] = point.CpuPercent;
        values[HistoryColumns.Memory] = point.WorkingSetMb;
        values[HistoryColumns.Ratings] = point.RatingsPerSecond;
        _history.Write(second, values);
        foreach (var (type, accumulator) in _types)
        {
            if (!_grainTypeHistory.TryGetValue(type, out var ring))
            {
                _grainTypeHistory[type] = ring = new HistoryRing(1);
            }

            ring.Write(second, [point.CallsByGrainType.GetValueOrDefault(type)]);
        }
    }

    private History ReadHistory(long endSecond) => new(
        _history.StartFor(endSecond),
        _history.Read(HistoryColumns.Calls, endSecond),
        _history.Read(HistoryColumns.Errors, endSecond),
        _history.Read(HistoryColumns.Mean, endSecond),
        _history.Read(HistoryColumns.P99, endSecond),
        _history.Read(HistoryColumns.Activations, endSecond),
        _history.Read(HistoryColumns.Cpu, endSecond),
        _history.Read(HistoryColumns.Memory, endSecond),
        _history.Read(HistoryColumns.Ratings, endSecond),
        // Grain types seen late start later: pad them to the silo's start so all columns align.
        _grainTypeHistory.ToDictionary(t => t.Key, t => Pad(t.Value.Read(0, endSecond), _history.StartFor(endSecond), t.Value.StartFor(endSecond))));

    private static double?[] Pad(double?[] column, long start, long columnStart)
    {
        var missing = (int)Math.Max(0, columnStart - start);
        return missing == 0 ? column : [.. new double?[missing], .. column];
    }

    private DashboardSnapshot BuildEmpty() => new(
        _time.GetUtcNow().ToUnixTimeMilliseconds(),
        [LocalSilo(0, 0)],
        TrafficStats.Empty,
        0,
        [],
        [],
        new RecommendationStats(0, 0, 0, 0, null, [], null, []),
        HistoryPoint.Empty,
        History: null);

    /// <summary>Per grain type sums, rebuilt on every sample.</summary>
    private sealed class TypeAccumulator
    {
        public WindowTotals Window { get; } = new();

        public long SampleCalls { get; private set; }

        public long TotalCalls { get; private set; }

        public long TotalErrors { get; private set; }

        public double WindowSeconds { get; private set; }

        public long Activations { get; set; }

        public void Reset()
        {
            Window.Clear();
            SampleCalls = TotalCalls = TotalErrors = 0;
            WindowSeconds = 0;
        }

        public void Add(SlidingWindow window, WindowTotals cumulative)
        {
            Window.Add(window.Sum);
            SampleCalls += window.LastSample.Calls;
            TotalCalls += cumulative.Calls;
            TotalErrors += cumulative.Errors;
            WindowSeconds = Math.Max(WindowSeconds, window.ElapsedSeconds);
        }
    }

    private static class HistoryColumns
    {
        public const int Calls = 0;
        public const int Errors = 1;
        public const int Mean = 2;
        public const int P99 = 3;
        public const int Activations = 4;
        public const int Cpu = 5;
        public const int Memory = 6;
        public const int Ratings = 7;
        public const int Count = 8;
    }
}
