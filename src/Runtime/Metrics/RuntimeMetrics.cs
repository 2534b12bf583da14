using System.Diagnostics;
using System.Diagnostics.Metrics;
using CineSync.Runtime.Core;

namespace CineSync.Runtime.Metrics;

/// <summary>
/// The runtime's instruments (meter <c>CineSync.Runtime</c>). Calls (counted when the turn starts) and
/// errors are counted in striped per-processor cells and published by observable counters, so counting costs
/// an uncontended increment. Durations go to the histogram only while a listener enables it, and only for a
/// sample of calls: the first <see cref="FullSamplesPerTick"/> calls of each method per clock tick (so quiet
/// methods are measured fully), then one call in <see cref="SampleEvery"/>. Timing every sub-microsecond
/// call would cost more than the call itself.
/// </summary>
internal sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "CineSync.Runtime";
    public const string GrainTypeTag = "grain_type";
    public const string MethodTag = "method";

    private readonly Meter _meter;
    private readonly List<MethodStats> _stats = [];
    private readonly Histogram<double> _duration;
    private Func<IEnumerable<GrainClassInfo>> _classes = () => [];

    public RuntimeMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableCounter("cinesync.grain.calls", () => Observe(static s => s.Calls.Sum()), description: "Grain calls handled, per grain type and method.");
        _meter.CreateObservableCounter("cinesync.grain.errors", () => Observe(static s => s.Errors.Sum()), description: "Grain calls that threw, per grain type and method.");
        _duration = _meter.CreateHistogram<double>("cinesync.grain.call.duration", unit: "ms", description: "Time from the start of a call's turn to its completion.");
        _meter.CreateObservableUpDownCounter("cinesync.grain.activations", ObserveActivations, description: "Live activations per grain type.");
    }

    public const int FullSamplesPerTick = 64;
    public const int SampleEvery = 128;

    public bool ShouldMeasure(MethodStats stats, long sequence, int tick)
    {
        if (!_duration.Enabled)
        {
            return false;
        }

        // Racy by design: an approximate budget, and no shared writes once it is spent.
        if (stats.SampleTick != tick)
        {
            stats.SampleTick = tick;
            stats.SamplesThisTick = 0;
        }

        if (stats.SamplesThisTick < FullSamplesPerTick)
        {
            stats.SamplesThisTick++;
            return true;
        }

        return sequence % SampleEvery == 0;
    }

    public void AttachClasses(Func<IEnumerable<GrainClassInfo>> classes) => _classes = classes;

    public MethodStats CreateMethodStats(string grainType, string method)
    {
        var stats = new MethodStats(grainType, method);
        lock (_stats)
        {
            _stats.Add(stats);
        }

        return stats;
    }

    public void RecordDuration(MethodStats stats, long startTimestamp) =>
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, stats.Tags);

    public void Dispose() => _meter.Dispose();

    private List<Measurement<long>> Observe(Func<MethodStats, long> value)
    {
        lock (_stats)
        {
            return _stats.Select(s => new Measurement<long>(value(s), s.Tags)).ToList();
        }
    }

    private IEnumerable<Measurement<long>> ObserveActivations() =>
        _classes().Select(c => new Measurement<long>(c.ActivationCount, new KeyValuePair<string, object?>(GrainTypeTag, c.GrainType))).ToList();
}
