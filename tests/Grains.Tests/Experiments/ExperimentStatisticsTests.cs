using CineSync.Grains.Experiments;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests.Experiments;

public sealed class ExperimentStatisticsTests
{
    private static readonly ExperimentOptions Options = new() { MinTitlesPerArm = 200, DecisionProbability = 0.95 };

    [Fact]
    public void A_candidate_liked_twice_as_often_over_thousands_of_titles_is_better()
    {
        var verdict = ExperimentStatistics.Verdict(Shown(2000, 100), Shown(2000, 200), Options);

        Assert.Equal(ExperimentStatistics.CandidateBetter, verdict.Decision);
        Assert.Equal(0.05, verdict.Difference!.Value, precision: 9);
        Assert.True(verdict.Low > 0 && verdict.High > verdict.Difference);
        Assert.True(verdict.ProbabilityCandidateBetter > 0.999);
    }

    [Fact]
    public void A_candidate_liked_less_often_leaves_the_control_better()
    {
        var verdict = ExperimentStatistics.Verdict(Shown(2000, 200), Shown(2000, 100), Options);

        Assert.Equal(ExperimentStatistics.ControlBetter, verdict.Decision);
        Assert.True(verdict.High < 0);
        Assert.True(verdict.ProbabilityCandidateBetter < 0.001);
    }

    [Fact]
    public void Nearly_equal_like_rates_are_no_clear_difference_and_the_interval_spans_zero()
    {
        var verdict = ExperimentStatistics.Verdict(Shown(1000, 50), Shown(1000, 52), Options);

        Assert.Equal(ExperimentStatistics.NoClearDifference, verdict.Decision);
        Assert.True(verdict.Low < 0 && verdict.High > 0);
        Assert.InRange(verdict.ProbabilityCandidateBetter!.Value, 0.5, 0.8);
    }

    [Fact]
    public void Too_few_titles_in_an_arm_keep_the_verdict_collecting_even_when_it_looks_clear()
    {
        var verdict = ExperimentStatistics.Verdict(Shown(150, 0), Shown(5000, 2500), Options);

        Assert.Equal(ExperimentStatistics.Collecting, verdict.Decision);
        Assert.NotNull(verdict.ProbabilityCandidateBetter);
    }

    [Fact]
    public void Without_titles_in_both_arms_there_are_no_figures_yet()
    {
        var verdict = ExperimentStatistics.Verdict(OnlineFigures.None, Shown(100, 3), Options);

        Assert.Equal(ExperimentStatistics.Collecting, verdict.Decision);
        Assert.Null(verdict.Difference);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.0, 0.15865525393145707)]
    public void The_normal_distribution_function_matches_its_tables(double x, double expected) =>
        Assert.Equal(expected, ExperimentStatistics.NormalCdf(x), precision: 6);

    private static OnlineFigures Shown(long titles, long likes) => OnlineFigures.None with { Lists = titles / 5, TitlesShown = titles, Likes = likes };
}
