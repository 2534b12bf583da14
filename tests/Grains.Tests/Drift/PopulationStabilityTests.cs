using CineSync.Grains.Drift;

namespace CineSync.Grains.Tests.Drift;

public sealed class PopulationStabilityTests
{
    [Fact]
    public void The_same_shares_have_no_drift_whatever_the_sample_size()
    {
        var (psi, _) = PopulationStability.Compare(Counts(("Drama", 400), ("Comedy", 600)), Counts(("Drama", 2), ("Comedy", 3)));
        Assert.Equal(0, psi, precision: 12);
    }

    [Fact]
    public void The_index_sums_the_share_change_times_its_log_ratio_over_the_buckets()
    {
        // 50/50 → 80/20: (0.8 − 0.5)·ln(0.8/0.5) + (0.2 − 0.5)·ln(0.2/0.5).
        var (psi, buckets) = PopulationStability.Compare(Counts(("a", 50), ("b", 50)), Counts(("a", 80), ("b", 20)));
        Assert.Equal((0.3 * Math.Log(1.6)) + (-0.3 * Math.Log(0.4)), psi, precision: 12);
        Assert.Equal([("a", 0.5, 0.8), ("b", 0.5, 0.2)], buckets.Select(b => (b.Name, b.Reference, Math.Round(b.Recent, 12))));
    }

    [Fact]
    public void A_bucket_seen_only_recently_counts_with_a_floored_share_instead_of_an_infinite_term()
    {
        var (psi, buckets) = PopulationStability.Compare(Counts(("Drama", 100)), Counts(("Drama", 50), ("Horror", 50)));
        Assert.True(double.IsFinite(psi) && psi > 1);
        Assert.Contains(buckets, b => b.Name == "Horror" && b.Reference == 0 && b.Recent == 0.5);
    }

    private static Dictionary<string, long> Counts(params (string Name, long Count)[] counts) => counts.ToDictionary(c => c.Name, c => c.Count);
}
