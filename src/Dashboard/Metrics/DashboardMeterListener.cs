using System.Diagnostics.Metrics;

namespace CineSync.Dashboard.Metrics;

/// <summary>
/// Subscribes to the contract's instruments (see <see cref="DashboardMetricNames"/>) and routes their
/// measurements into a <see cref="MetricsStore"/>. Each enabled instrument carries its
/// <see cref="InstrumentSink"/> as callback state, so the callback does no lookup by instrument.
/// </summary>
internal sealed class DashboardMeterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly MetricsStore _store;
    private readonly object? _scope;

    public DashboardMeterListener(MetricsStore store, object? meterScope)
    {
        _store = store;
        _scope = meterScope;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentSink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentSink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentSink)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Asks every observable instrument for its current values (called on each sampling tick).</summary>
    public void RecordObservableInstruments() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (_scope is not null && !ReferenceEquals(instrument.Meter.Scope, _scope))
        {
            return;
        }

        InstrumentKind? kind = (instrument.Meter.Name, instrument.Name) switch
        {
            (DashboardMetricNames.RuntimeMeter, DashboardMetricNames.GrainCalls) => InstrumentKind.Calls,
            (DashboardMetricNames.RuntimeMeter, DashboardMetricNames.GrainErrors) => InstrumentKind.Errors,
            (DashboardMetricNames.RuntimeMeter, DashboardMetricNames.GrainCallDuration) => InstrumentKind.Duration,
            (DashboardMetricNames.RuntimeMeter, DashboardMetricNames.GrainActivations) => InstrumentKind.Activations,
            (DashboardMetricNames.RecommendationsMeter, DashboardMetricNames.Ratings) => InstrumentKind.Ratings,
            (DashboardMetricNames.RecommendationsMeter, DashboardMetricNames.Feedback) => InstrumentKind.Feedback,
            (DashboardMetricNames.RecommendationsMeter, DashboardMetricNames.ActiveUsers) => InstrumentKind.ActiveUsers,
            (DashboardMetricNames.RecommendationsMeter, DashboardMetricNames.ColdStartUsers) => InstrumentKind.ColdStartUsers,
            _ => null,
        };

        if (kind is { } k)
        {
            listener.EnableMeasurementEvents(instrument, new InstrumentSink(_store, k, instrument.IsObservable));
        }
    }
}
