namespace CineSync.Dashboard.Metrics;

/// <summary>The cumulative state every metric callback writes into; read by the sampler.</summary>
internal sealed class MetricsStore
{
    public SeriesRegistry<CallSeries> Calls { get; } = new(static (type, method) => new CallSeries(type, method));

    /// <summary>Activations by grain type (second tag unused).</summary>
    public SeriesRegistry<GaugeSeries> Activations { get; } = new(static (type, none) => new GaugeSeries(type, none));

    /// <summary>Feedback by (kind, model).</summary>
    public SeriesRegistry<GaugeSeries> Feedback { get; } = new(static (kind, model) => new GaugeSeries(kind, model));

    public GaugeSeries Ratings { get; } = new("ratings", "(none)");

    public GaugeSeries ActiveUsers { get; } = new("active", "(none)");

    public GaugeSeries ColdStartUsers { get; } = new("cold_start", "(none)");
}
