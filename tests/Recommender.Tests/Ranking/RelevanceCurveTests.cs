using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class RelevanceCurveTests
{
    [Fact]
    public void A_curve_fitted_to_hits_drawn_from_a_known_curve_recovers_how_fast_relevance_falls_with_rank()
    {
        var truth = new RelevanceCurve(-3.0, -0.6, 0.8);
        var random = new Random(7);
        var observations = new List<(int, int, bool)>();
        foreach (var ratings in new[] { 20, 60, 200, 600 })
        {
            for (var user = 0; user < 100; user++)
            {
                for (var rank = 0; rank < 200; rank++)
                {
                    observations.Add((rank, ratings, random.NextDouble() < truth.Probability(rank, ratings)));
                }
            }
        }

        var fitted = RelevanceCurve.Fit(observations);

        Assert.InRange(fitted.RankSlope, -0.7, -0.5);
        Assert.InRange(fitted.ActivitySlope, 0.7, 0.9);
        Assert.InRange(fitted.Probability(0, 100), truth.Probability(0, 100) - 0.03, truth.Probability(0, 100) + 0.03);
    }

    [Fact]
    public void A_members_favourite_is_likelier_relevant_than_their_tenth_and_a_member_who_rates_more_has_more_hits() =>
        Assert.True(RelevanceCurve.Prior.Probability(0, 100) > RelevanceCurve.Prior.Probability(9, 100)
            && RelevanceCurve.Prior.Probability(0, 500) > RelevanceCurve.Prior.Probability(0, 20));

    [Fact]
    public void Fitting_without_a_single_relevant_title_is_refused() =>
        Assert.Throws<ArgumentException>(() => RelevanceCurve.Fit([(0, 10, false), (1, 10, false)]));
}
