using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class EnsembleExplorationTests
{
    [Fact]
    public void Without_feedback_there_is_nothing_to_explore_and_global_weights_stand()
    {
        var arms = new Dictionary<string, BetaBelief>();

        Assert.Null(EnsembleExploration.Sample(arms, new Random(1)));
        Assert.Null(EnsembleExploration.Means(arms));
    }

    [Fact]
    public void A_like_credits_each_model_by_its_positive_share_of_the_title_and_leaves_negative_ones_alone()
    {
        var arms = new Dictionary<string, BetaBelief>();

        EnsembleExploration.Credit(arms, [new("als", 3f), new("knn", 1f), new("pop", -2f)], ExplorationFeedback.Liked);

        Assert.Equal(new BetaBelief(EnsembleExploration.Prior + 0.75f, EnsembleExploration.Prior), arms["als"]);
        Assert.Equal(new BetaBelief(EnsembleExploration.Prior + 0.25f, EnsembleExploration.Prior), arms["knn"]);
        Assert.False(arms.ContainsKey("pop"));
    }

    [Fact]
    public void Rejections_lower_a_models_mean_weight_and_likes_raise_it()
    {
        var arms = new Dictionary<string, BetaBelief>();
        for (var i = 0; i < 6; i++)
        {
            EnsembleExploration.Credit(arms, [new("als", 1f)], ExplorationFeedback.Liked);
            EnsembleExploration.Credit(arms, [new("knn", 1f)], ExplorationFeedback.Rejected);
        }

        var means = EnsembleExploration.Means(arms)!;
        Assert.True(means["als"] > 1f, $"als {means["als"]}");
        Assert.True(means["knn"] < 1f, $"knn {means["knn"]}");
    }

    [Fact]
    public void The_same_seed_draws_the_same_weights_whatever_order_the_beliefs_were_stored_in()
    {
        var forward = new Dictionary<string, BetaBelief> { ["als"] = new(9f, 4f), ["knn"] = new(4f, 7f) };
        var backward = new Dictionary<string, BetaBelief> { ["knn"] = new(4f, 7f), ["als"] = new(9f, 4f) };

        Assert.Equal(EnsembleExploration.Sample(forward, new Random(42)), EnsembleExploration.Sample(backward, new Random(42)));
        Assert.NotEqual(EnsembleExploration.Sample(forward, new Random(42))!["als"], EnsembleExploration.Sample(forward, new Random(43))!["als"]);
    }

    [Fact]
    public void Draws_explore_around_the_posterior_mean_within_zero_to_two()
    {
        var arms = new Dictionary<string, BetaBelief> { ["als"] = new(12f, 4f) };
        var random = new Random(7);

        var draws = Enumerable.Range(0, 4000).Select(_ => EnsembleExploration.Sample(arms, random)!["als"]).ToArray();

        Assert.All(draws, d => Assert.InRange(d, 0f, 2f));
        Assert.InRange(draws.Average(), 1.45, 1.55); // 2·12/16 = 1.5
        Assert.True(draws.Max() - draws.Min() > 0.3f, "Thompson sampling must explore, not return the mean");
    }
}
