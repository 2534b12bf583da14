using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Metrics;
using CineSync.Dashboard.Snapshots;
using CineSync.Dashboard.Tests.Support;

namespace CineSync.Dashboard.Tests.Cluster;

public sealed class SnapshotMergerTests
{
    [Fact]
    public void Merging_silos_adds_their_rates_and_activations_per_grain_type_and_method()
    {
        using var a = new CollectorFixture("silo-a");
        using var b = new CollectorFixture("silo-b");
        Load(a, "UserTaste", "Rate", 100, 1.0);
        Load(b, "UserTaste", "Rate", 300, 1.0);
        Load(b, "WatchParty", "Vote", 20, 5.0);
        a.Meters.Activate("UserTaste", 10);
        b.Meters.Activate("UserTaste", 30);

        var merged = SnapshotMerger.Merge([a.Tick(), b.Tick()], []);

        Assert.Equal(["silo-a", "silo-b"], merged.Silos.Select(s => s.Name));
        Assert.Equal(420, merged.Totals.CallsPerSecond, 6);
        Assert.Equal(40, merged.Activations);
        var taste = merged.GrainTypes.Single(t => t.GrainType == "UserTaste");
        Assert.Equal(400, taste.Traffic.CallsPerSecond, 6);
        Assert.Equal(new Dictionary<string, long> { ["silo-a"] = 10, ["silo-b"] = 30 }, taste.ActivationsBySilo);
        Assert.Equal(2, merged.Methods.Count);
        Assert.Equal("Rate", merged.Methods[0].Method);
    }

    [Fact]
    public void The_cluster_p99_comes_from_the_combined_buckets_not_from_averaging_silo_p99s()
    {
        using var slowButQuiet = new CollectorFixture("silo-a");
        using var fastAndBusy = new CollectorFixture("silo-b");
        Load(slowButQuiet, "ModelGrain", "Score", 100, 50.0);
        Load(fastAndBusy, "ModelGrain", "Score", 10_000, 1.0);
        var a = slowButQuiet.Tick();
        var b = fastAndBusy.Tick();

        var merged = SnapshotMerger.Merge([a, b], []);

        Assert.InRange(a.Totals.P99LatencyMs!.Value, 40, 63);
        Assert.InRange(merged.Totals.P99LatencyMs!.Value, 0.8, 1.25); // 100 slow calls are under 1 % of 10 100
        Assert.Equal((100 * 50.0 + 10_000 * 1.0) / 10_100, merged.Totals.MeanLatencyMs!.Value, 6);
    }

    [Fact]
    public void Histories_of_silos_align_by_wall_clock_second()
    {
        var a = new History(100, [1, 2, 3], [0, 0, 0], [1, 1, 1], [2, 2, 2], [5, 5, 5], [10, 20, 30], [100, 100, 100], [0, 0, 1], new Dictionary<string, double?[]> { ["T"] = [1, 2, 3] });
        var b = new History(102, [10, 20], [1, 1], [3, null], [9, 9], [1, 1], [50, 50], [200, 200], [1, 1], new Dictionary<string, double?[]>());

        var merged = HistoryMerger.Merge([a, b]);

        Assert.Equal(100, merged.StartUnixSeconds);
        Assert.Equal([1.0, 2.0, 13.0, 20.0], merged.CallsPerSecond);
        Assert.Equal([2.0, 2.0, 9.0, 9.0], merged.P99LatencyMs);
        Assert.Equal([10.0, 20.0, 40.0, 50.0], merged.CpuPercent);
        Assert.Equal((1.0 * 3 + 3.0 * 10) / 13, merged.MeanLatencyMs[2]!.Value, 6);
        Assert.Null(merged.MeanLatencyMs[3]);
        Assert.Equal([1.0, 2.0, 3.0, null], merged.CallsByGrainType["T"]);
    }

    [Fact]
    public void An_unreachable_silo_is_listed_while_the_figures_cover_the_others()
    {
        using var a = new CollectorFixture("silo-a");
        Load(a, "UserTaste", "Rate", 10, 1.0);
        var down = new SiloSummary("silo-b", "10.0.0.2:11111", null, "Active", [], DateTimeOffset.UnixEpoch, 0, 0, 0, 0, 0, 0, Reachable: false, Error: "timeout");

        var merged = SnapshotMerger.Merge([a.Tick()], [down]);

        Assert.Equal(2, merged.Silos.Count);
        Assert.False(merged.Silos.Single(s => s.Name == "silo-b").Reachable);
        Assert.Equal(10, merged.Totals.TotalCalls);
    }

    private static void Load(CollectorFixture f, string type, string method, int calls, double ms)
    {
        for (var i = 0; i < calls; i++)
        {
            f.Meters.Call(type, method, ms);
        }
    }
}
