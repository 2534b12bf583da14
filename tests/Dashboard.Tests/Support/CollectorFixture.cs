using CineSync.Dashboard.Metrics;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>A collector over test-scoped meters with a manual clock: advance, record, sample.</summary>
internal sealed class CollectorFixture : IDisposable
{
    public CollectorFixture(string siloName = "silo-a")
    {
        Collector = new SiloStatsCollector(new MetricsStore(), Clock, Options.Create(new DashboardOptions { SiloName = siloName, MeterScope = Meters.Scope }));
    }

    public FakeSiloMeters Meters { get; } = new();

    public ManualTimeProvider Clock { get; } = new();

    public SiloStatsCollector Collector { get; }

    /// <summary>Moves the clock one second and samples.</summary>
    public Snapshots.DashboardSnapshot Tick(ModelInfo? model = null, int seconds = 1)
    {
        Clock.Advance(TimeSpan.FromSeconds(seconds));
        Collector.Sample(model);
        return Collector.Current;
    }

    public void Dispose()
    {
        Collector.Dispose();
        Meters.Dispose();
    }
}
