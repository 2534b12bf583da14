using CineSync.Recommender.Evaluation;

namespace CineSync.Recommender.Tests.Evaluation;

public sealed class PairedDifferenceTests
{
    [Fact]
    public void The_interval_is_computed_on_paired_differences_so_the_spread_between_groups_does_not_widen_it()
    {
        // Groups differ wildly (0.05 … 0.95); the strategy beats the baseline in every one by 0.01 ± 0.002.
        double[] baseline = [0.05, 0.95, 0.40, 0.70, 0.10, 0.85, 0.30, 0.60];
        double[] noise = [0.002, -0.002, 0.001, -0.001, 0.002, -0.002, 0.001, -0.001];
        var strategy = baseline.Select((b, i) => b + 0.01 + noise[i]).ToArray();

        var d = PairedDifference.Of(strategy, baseline);

        Assert.Equal(0.01, d.Mean, 9);
        Assert.True(d.StandardError < 0.001, $"standard error {d.StandardError}");
        Assert.True(d.Significant);
        Assert.InRange(d.Low, 0.008, 0.01);
        Assert.Equal(baseline.Length, d.Pairs);
    }

    [Fact]
    public void The_standard_error_is_the_sample_deviation_of_the_differences_over_the_root_of_their_count()
    {
        // Differences 1, 3, 5: mean 3, sample deviation 2, standard error 2/√3.
        var d = PairedDifference.Of([1.0, 3.0, 5.0], [0.0, 0.0, 0.0]);

        Assert.Equal(3.0, d.Mean, 12);
        Assert.Equal(2.0 / Math.Sqrt(3), d.StandardError, 12);
        Assert.Equal(3.0 - (PairedDifference.Z95 * 2.0 / Math.Sqrt(3)), d.Low, 12);
    }

    [Fact]
    public void A_difference_that_goes_either_way_between_groups_is_no_difference()
    {
        var d = PairedDifference.Of([0.2, 0.0, 0.3, 0.1], [0.0, 0.2, 0.1, 0.3]);

        Assert.False(d.Significant);
        Assert.True(d.Low < 0 && d.High > 0);
    }

    [Fact]
    public void Series_of_different_lengths_cannot_be_paired() =>
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([1.0, 2.0], [1.0]));
}
