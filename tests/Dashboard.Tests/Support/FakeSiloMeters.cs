using System.Diagnostics.Metrics;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>
/// The instruments of the metrics contract, as the runtime and the grains will publish them, on meters
/// scoped to one test so that parallel tests do not see each other's measurements.
/// </summary>
internal sealed class FakeSiloMeters : IDisposable
{
    private readonly Meter _runtime;
    private readonly Meter _recommendations;

    public FakeSiloMeters()
    {
        _runtime = new Meter(new MeterOptions(DashboardMetricNames.RuntimeMeter) { Scope = Scope });
        _recommendations = new Meter(new MeterOptions(DashboardMetricNames.RecommendationsMeter) { Scope = Scope });
        Calls = _runtime.CreateCounter<long>(DashboardMetricNames.GrainCalls);
        Errors = _runtime.CreateCounter<long>(DashboardMetricNames.GrainErrors);
        Duration = _runtime.CreateHistogram<double>(DashboardMetricNames.GrainCallDuration, "ms");
        Activations = _runtime.CreateUpDownCounter<long>(DashboardMetricNames.GrainActivations);
        Ratings = _recommendations.CreateCounter<long>(DashboardMetricNames.Ratings);
        Feedback = _recommendations.CreateCounter<long>(DashboardMetricNames.Feedback);
        _recommendations.CreateObservableGauge(DashboardMetricNames.ActiveUsers, () => ActiveUsers);
        _recommendations.CreateObservableGauge(DashboardMetricNames.ColdStartUsers, () => ColdStartUsers);
    }

    /// <summary>Pass as <see cref="DashboardOptions.MeterScope"/>.</summary>
    public object Scope { get; } = new();

    public Meter RuntimeMeter => _runtime;

    public Counter<long> Calls { get; }

    public Counter<long> Errors { get; }

    public Histogram<double> Duration { get; }

    public UpDownCounter<long> Activations { get; }

    public Counter<long> Ratings { get; }

    public Counter<long> Feedback { get; }

    public long ActiveUsers { get; set; }

    public long ColdStartUsers { get; set; }

    /// <summary>One grain call as the runtime records it.</summary>
    public void Call(string grainType, string method, double milliseconds, bool failed = false)
    {
        var type = new KeyValuePair<string, object?>(DashboardMetricNames.GrainTypeTag, grainType);
        var name = new KeyValuePair<string, object?>(DashboardMetricNames.MethodTag, method);
        Calls.Add(1, type, name);
        Duration.Record(milliseconds, type, name);
        if (failed)
        {
            Errors.Add(1, type, name);
        }
    }

    public void Activate(string grainType, long count = 1) =>
        Activations.Add(count, new KeyValuePair<string, object?>(DashboardMetricNames.GrainTypeTag, grainType));

    public void Feedbacks(string kind, string model, long count = 1) =>
        Feedback.Add(count, new(DashboardMetricNames.KindTag, kind), new(DashboardMetricNames.ModelTag, model));

    public void Dispose()
    {
        _runtime.Dispose();
        _recommendations.Dispose();
    }
}
