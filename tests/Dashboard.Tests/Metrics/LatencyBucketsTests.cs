using CineSync.Dashboard.Metrics;

namespace CineSync.Dashboard.Tests.Metrics;

public sealed class LatencyBucketsTests
{
    [Theory]
    [InlineData(0.0005)]
    [InlineData(0.001)]
    [InlineData(0.0137)]
    [InlineData(0.25)]
    [InlineData(1)]
    [InlineData(3.7)]
    [InlineData(42)]
    [InlineData(999)]
    [InlineData(12_345)]
    public void A_duration_falls_in_the_bucket_whose_bounds_contain_it(double ms)
    {
        var index = LatencyBuckets.IndexOf(ms);

        Assert.InRange(ms, LatencyBuckets.LowerBoundMs(index), LatencyBuckets.UpperBoundMs(index));
        Assert.True(LatencyBuckets.UpperBoundMs(index) <= Math.Max(0.001, LatencyBuckets.LowerBoundMs(index) * 1.25 + 1e-12));
    }

    [Fact]
    public void Nonsense_durations_land_in_the_first_bucket_and_huge_ones_in_the_last()
    {
        Assert.Equal(0, LatencyBuckets.IndexOf(double.NaN));
        Assert.Equal(0, LatencyBuckets.IndexOf(-5));
        Assert.Equal(LatencyBuckets.Count - 1, LatencyBuckets.IndexOf(1e9));
    }

    [Fact]
    public void P99_is_read_from_the_bucket_holding_the_99th_percentile()
    {
        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.IndexOf(1.0)] = 980;
        counts[LatencyBuckets.IndexOf(100.0)] = 20;

        var p99 = LatencyBuckets.Quantile(counts, 0.99)!.Value;
        var p50 = LatencyBuckets.Quantile(counts, 0.50)!.Value;

        Assert.InRange(p99, 80, 125);
        Assert.InRange(p50, 0.8, 1.25);
        Assert.Null(LatencyBuckets.Quantile(new long[LatencyBuckets.Count], 0.99));
    }
}
