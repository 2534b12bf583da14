using CineSync.Dashboard.Snapshots;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Metrics;

/// <summary>
/// This silo's statistics. The metric callbacks write cumulative figures into the <see cref="MetricsStore"/>
/// without locks; once a second <see cref="Sample"/> turns them into rates, windows and chart points and
/// publishes an immutable <see cref="DashboardSnapshot"/> that requests read without locking.
/// </summary>
internal sealed partial class SiloStatsCollector : IDisposable
{
    private const int RatingsWindowSamples = 60;

    /// <summary>A late sample (a stalled process) fills the seconds it skipped, up to this many; longer outages show as gaps.</summary>
    private const int MaxFilledSeconds = 5;

    private readonly MetricsStore _store;
    private readonly DashboardMeterListener _listener;
    private readonly TimeProvider _time;
    private readonly DashboardOptions _options;
    private readonly ProcessSampler _process;
    private readonly Lock _gate = new();
    private readonly HistoryRing _history = new(HistoryColumns.Count);
    private readonly Dictionary<string, HistoryRing> _grainTypeHistory = [];
    private readonly Dictionary<string, TypeAccumulator> _types = [];
    private readonly WindowTotals _scratch = new();
    private readonly WindowTotals _second = new();
    private readonly WindowTotals _window = new();
    private readonly long[] _ratingsPerSample = new long[RatingsWindowSamples];
    private readonly double[] _ratingsElapsed = new double[RatingsWindowSamples];
    private long _ratingsTick;
    private long _lastRatings;
    private long _lastSampleTimestamp;
    private TaskCompletionSource _sampled = NewSignal();
    private DashboardSnapshot _current;

    public SiloStatsCollector(MetricsStore store, TimeProvider time, IOptions<DashboardOptions> options)
    {
        _store = store;
        _time = time;
        _options = options.Value;
        _process = new ProcessSampler(time);
        _listener = new DashboardMeterListener(store, _options.MeterScope);
        _lastSampleTimestamp = time.GetTimestamp();
        _current = BuildEmpty();
    }

    /// <summary>The dashboard's own address, shown in the silo row once the listener has started.</summary>
    public Uri? DashboardUrl { get; set; }

    /// <summary>The latest snapshot (no history).</summary>
    public DashboardSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Completes after the next <see cref="Sample"/>.</summary>
    public Task WaitForNextSampleAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _sampled).Task.WaitAsync(cancellationToken);

    /// <summary>The latest snapshot, with the last 15 minutes of chart points if asked.</summary>
    public DashboardSnapshot GetSnapshot(bool includeHistory)
    {
        var current = Current;
        if (!includeHistory)
        {
            return current;
        }

        lock (_gate)
        {
            return current with { History = ReadHistory(current.Point.UnixSeconds) };
        }
    }

    /// <summary>Takes one sample: called once a second by the sampling service (or by tests).</summary>
    public void Sample(ModelInfo? model = null)
    {
        _listener.RecordObservableInstruments();
        DashboardSnapshot snapshot;
        lock (_gate)
        {
            snapshot = SampleLocked(model);
        }

        Volatile.Write(ref _current, snapshot);
        Interlocked.Exchange(ref _sampled, NewSignal()).TrySetResult();
    }

    public void Dispose() => _listener.Dispose();

    private DashboardSnapshot SampleLocked(ModelInfo? model)
    {
        var now = _time.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        var timestamp = _time.GetTimestamp();
        var elapsed = Math.Max(0.05, _time.GetElapsedTime(_lastSampleTimestamp, timestamp).TotalSeconds); // rates are per real second
        _lastSampleTimestamp = timestamp;
        _process.Sample();
        _second.Clear();
        _window.Clear();
        foreach (var accumulator in _types.Values)
        {
            accumulator.Reset();
        }

        var methods = new List<MethodStats>(_store.Calls.All.Count);
        long totalCalls = 0, totalErrors = 0;
        var windowSeconds = 0.0;
        foreach (var series in _store.Calls.All)
        {
            series.ReadTotals(_scratch);
            var window = series.Window;
            window.Advance(_scratch, elapsed);
            var type = TypeOf(series.GrainType);
            type.Add(series.Window, _scratch);
            _second.Add(window.LastSample);
            _window.Add(window.Sum);
            totalCalls += _scratch.Calls;
            totalErrors += _scratch.Errors;
            windowSeconds = Math.Max(windowSeconds, window.ElapsedSeconds);
            methods.Add(new MethodStats(series.GrainType, series.Method, TrafficStats.Create(_scratch.Calls, _scratch.Errors, CallWindow.From(window.Sum, window.ElapsedSeconds))));
        }

        long activations = 0;
        foreach (var series in _store.Activations.All)
        {
            TypeOf(series.First).Activations = series.Value;
            activations += series.Value;
        }

        var ratings = AdvanceRatings(elapsed);
        var point = new HistoryPoint(
            second,
            _second.Calls / elapsed,
            _second.Errors / elapsed,
            _second.MeanLatencyMs,
            LatencyBuckets.Quantile(_second.Buckets, 0.99),
            activations,
            _process.CpuPercent,
            _process.WorkingSetBytes / (1024.0 * 1024.0),
            ratings / elapsed,
            _types.Where(t => t.Value.SampleCalls > 0).ToDictionary(t => t.Key, t => t.Value.SampleCalls / elapsed));
        WriteHistory(point, elapsed);

        var totals = TrafficStats.Create(totalCalls, totalErrors, CallWindow.From(_window, windowSeconds));
        return new DashboardSnapshot(
            now.ToUnixTimeMilliseconds(),
            [LocalSilo(activations, totals.CallsPerSecond)],
            totals,
            activations,
            GrainTypes(),
            methods,
            Recommendations(model),
            point,
            History: null);
    }

    private TypeAccumulator TypeOf(string grainType)
    {
        if (!_types.TryGetValue(grainType, out var accumulator))
        {
            accumulator = new TypeAccumulator();
            _types.Add(grainType, accumulator);
        }

        return accumulator;
    }

    private long AdvanceRatings(double elapsed)
    {
        var total = _store.Ratings.Value;
        var delta = Math.Max(0, total - _lastRatings);
        _lastRatings = total;
        var slot = (int)(_ratingsTick++ % RatingsWindowSamples);
        _ratingsPerSample[slot] = delta;
        _ratingsElapsed[slot] = elapsed;
        return delta;
    }

    /// <summary>The rating rate over the last minute of samples (or what exists of it), per minute.</summary>
    private double RatingsPerMinute()
    {
        var seconds = _ratingsElapsed.Sum();
        return seconds <= 0 ? 0 : _ratingsPerSample.Sum() / seconds * 60.0;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
