using System.Diagnostics.Metrics;
using CineSync.Dashboard.Tests.Support;

namespace CineSync.Dashboard.Tests.Metrics;

public sealed class SiloStatsCollectorTests
{
    [Fact]
    public void Calls_per_second_average_the_recent_window_while_the_chart_point_shows_the_last_second()
    {
        using var f = new CollectorFixture();
        for (var second = 1; second <= 3; second++)
        {
            for (var i = 0; i < 100 * second; i++)
            {
                f.Meters.Call("UserTaste", "Rate", 2.0);
            }

            f.Tick();
        }

        var snapshot = f.Collector.Current;
        Assert.Equal(600, snapshot.Totals.TotalCalls);
        Assert.Equal(200, snapshot.Totals.CallsPerSecond, 6);
        Assert.Equal(300, snapshot.Point.CallsPerSecond);
        Assert.Equal(2.0, snapshot.Totals.MeanLatencyMs!.Value, 6);
        var method = Assert.Single(snapshot.Methods);
        Assert.Equal(("UserTaste", "Rate"), (method.GrainType, method.Method));
    }

    [Fact]
    public void The_table_window_forgets_traffic_older_than_ten_seconds()
    {
        using var f = new CollectorFixture();
        for (var i = 0; i < 10; i++)
        {
            for (var c = 0; c < 50; c++)
            {
                f.Meters.Call("Catalog", "Search", 1.0, failed: c < 5);
            }

            f.Tick();
        }

        Assert.Equal(50, f.Collector.Current.Totals.CallsPerSecond, 6);
        Assert.Equal(0.1, f.Collector.Current.Totals.ErrorRate, 6);

        for (var i = 0; i < 5; i++)
        {
            f.Tick();
        }

        Assert.Equal(25, f.Collector.Current.Totals.CallsPerSecond, 6);
        for (var i = 0; i < 5; i++)
        {
            f.Tick();
        }

        var idle = f.Collector.Current.Totals;
        Assert.Equal(0, idle.CallsPerSecond);
        Assert.Null(idle.P99LatencyMs);
        Assert.Equal(500, idle.TotalCalls);
        Assert.Equal(50, idle.TotalErrors);
    }

    [Fact]
    public void P99_latency_reflects_a_slow_tail_that_the_mean_hides()
    {
        using var f = new CollectorFixture();
        for (var i = 0; i < 1000; i++)
        {
            f.Meters.Call("ModelGrain", "Score", i < 980 ? 1.0 : 100.0);
        }

        var totals = f.Tick().Totals;

        Assert.InRange(totals.P99LatencyMs!.Value, 80, 125);
        Assert.InRange(totals.P50LatencyMs!.Value, 0.8, 1.25);
        Assert.Equal((980 * 1.0 + 20 * 100.0) / 1000, totals.MeanLatencyMs!.Value, 6);
    }

    [Fact]
    public void The_history_keeps_the_last_fifteen_minutes_one_point_per_second()
    {
        using var f = new CollectorFixture();
        for (var second = 0; second < 1000; second++)
        {
            for (var c = 0; c < second % 7; c++)
            {
                f.Meters.Call("UserTaste", "Get", 1.0);
            }

            f.Tick();
        }

        var history = f.Collector.GetSnapshot(includeHistory: true).History!;

        Assert.Equal(900, history.CallsPerSecond.Length);
        Assert.Equal(f.Clock.GetUtcNow().ToUnixTimeSeconds() - 899, history.StartUnixSeconds);
        Assert.Equal(999 % 7, history.CallsPerSecond[^1]);
        Assert.Equal(100 % 7, history.CallsPerSecond[0]);
        Assert.All(history.CpuPercent, v => Assert.NotNull(v));
    }

    [Fact]
    public void A_late_sample_spreads_its_calls_over_the_seconds_it_skipped()
    {
        using var f = new CollectorFixture();
        f.Meters.Call("UserTaste", "Get", 1.0);
        f.Tick();
        for (var i = 0; i < 30; i++)
        {
            f.Meters.Call("UserTaste", "Get", 1.0);
        }

        f.Tick(seconds: 3);

        var history = f.Collector.GetSnapshot(includeHistory: true).History!;
        Assert.Equal([1.0, 10.0, 10.0, 10.0], history.CallsPerSecond);
        Assert.Equal([1.0, 10.0, 10.0, 10.0], history.CallsByGrainType["UserTaste"]);
        Assert.Equal(31 / 4.0, f.Collector.Current.Totals.CallsPerSecond, 6);
    }

    [Fact]
    public void A_long_outage_shows_as_a_gap_in_the_chart()
    {
        using var f = new CollectorFixture();
        f.Meters.Call("UserTaste", "Get", 1.0);
        f.Tick();
        f.Tick(seconds: 8);

        var history = f.Collector.GetSnapshot(includeHistory: true).History!;

        Assert.Equal(9, history.CallsPerSecond.Length);
        Assert.Equal(1.0, history.CallsPerSecond[0]);
        Assert.All(history.CallsPerSecond[1..^1], v => Assert.Null(v));
        Assert.Equal(0.0, history.CallsPerSecond[^1]);
    }

    [Fact]
    public void Activations_follow_the_up_down_counter_per_grain_type()
    {
        using var f = new CollectorFixture();
        f.Meters.Activate("UserTaste", 40);
        f.Meters.Activate("WatchParty", 3);
        f.Meters.Activate("UserTaste", -15);

        var snapshot = f.Tick();

        Assert.Equal(28, snapshot.Activations);
        Assert.Equal(25, snapshot.GrainTypes.Single(t => t.GrainType == "UserTaste").Activations);
        Assert.Equal(3, snapshot.GrainTypes.Single(t => t.GrainType == "WatchParty").ActivationsBySilo["silo-a"]);
        Assert.Equal(28, snapshot.Silos[0].Activations);
    }

    [Fact]
    public void Observable_counters_report_totals_and_their_differences_become_rates()
    {
        using var f = new CollectorFixture();
        using var meter = new Meter(new MeterOptions(DashboardMetricNames.RuntimeMeter) { Scope = f.Meters.Scope });
        long total = 0, activations = 0;
        var tags = new KeyValuePair<string, object?>[] { new(DashboardMetricNames.GrainTypeTag, "UserTaste"), new(DashboardMetricNames.MethodTag, "Rate") };
        meter.CreateObservableCounter(DashboardMetricNames.GrainCalls, () => new Measurement<long>(total, tags));
        meter.CreateObservableGauge(DashboardMetricNames.GrainActivations, () => new Measurement<long>(activations, tags[..1]));

        total = 1_000;
        activations = 7;
        f.Tick();
        total = 1_250;
        activations = 9;
        var snapshot = f.Tick();

        Assert.Equal(250, snapshot.Point.CallsPerSecond);
        Assert.Equal(1_250, snapshot.Totals.TotalCalls);
        Assert.Equal(9, snapshot.Activations);
    }

    [Fact]
    public void Tag_values_with_equal_text_but_different_instances_share_one_series()
    {
        using var f = new CollectorFixture();
        for (var i = 0; i < 10; i++)
        {
            f.Meters.Call(new string("UserTaste".AsSpan()), new string("Rate".AsSpan()), 1.0);
        }

        var snapshot = f.Tick();

        Assert.Equal(10, Assert.Single(snapshot.Methods).Traffic.TotalCalls);
    }

    [Fact]
    public void Recommendation_health_shows_ratings_per_minute_like_share_and_cold_start_share()
    {
        using var f = new CollectorFixture();
        var model = new ModelInfo("2026-11-21.3", null, new Dictionary<string, double> { ["ndcg@10"] = 0.31 });
        f.Meters.ActiveUsers = 200;
        f.Meters.ColdStartUsers = 50;
        for (var second = 0; second < 70; second++)
        {
            f.Meters.Ratings.Add(2);
            f.Tick(model);
        }

        f.Meters.Feedbacks(DashboardMetricNames.Like, "als", 30);
        f.Meters.Feedbacks(DashboardMetricNames.Dislike, "als", 10);
        f.Meters.Feedbacks(DashboardMetricNames.NotInterested, "als", 4);
        f.Meters.Feedbacks(DashboardMetricNames.Like, "knn", 1);
        var health = f.Tick(model).Recommendations;

        Assert.Equal(140, health.TotalRatings);
        Assert.Equal(118, health.RatingsPerMinute); // 59 seconds at 2 plus this idle second
        Assert.Equal(0.25, health.ColdStartShare);
        var als = health.Models.Single(m => m.Model == "als");
        Assert.Equal(0.75, als.LikeShare);
        Assert.Equal(4, als.NotInterested);
        Assert.Equal(1.0, health.Models.Single(m => m.Model == "knn").LikeShare);
        Assert.Equal("2026-11-21.3", health.Model!.Version);
    }

    [Fact]
    public void Meters_of_another_scope_are_not_counted()
    {
        using var f = new CollectorFixture();
        using var other = new FakeSiloMeters();
        other.Call("UserTaste", "Rate", 1.0);

        Assert.Equal(0, f.Tick().Totals.TotalCalls);
    }
}
