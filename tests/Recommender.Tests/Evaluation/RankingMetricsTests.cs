using CineSync.Recommender.Evaluation;

namespace CineSync.Recommender.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly int[] TopFive = [7, 3, 9, 1, 4];
    private static readonly HashSet<int> Relevant = [3, 4, 8];

    [Fact]
    public void Recall_divides_hits_by_the_users_number_of_relevant_items()
        => Assert.Equal(2.0 / 3.0, RankingMetrics.Recall(TopFive, Relevant), 12);

    [Fact]
    public void Ndcg_uses_binary_gains_and_an_ideal_over_min_k_and_relevant_count()
    {
        // Hits at ranks 2 and 5: DCG = 1/log2(3) + 1/log2(6); ideal over min(5, 3) = 3 positions.
        var dcg = (1 / Math.Log2(3)) + (1 / Math.Log2(6));
        var ideal = 1 + (1 / Math.Log2(3)) + (1 / Math.Log2(4));
        Assert.Equal(dcg / ideal, RankingMetrics.Ndcg(TopFive, Relevant, 5), 12);
    }

    [Fact]
    public void Ndcg_is_one_when_the_only_relevant_item_is_first()
        => Assert.Equal(1.0, RankingMetrics.Ndcg([5, 1, 2], new HashSet<int> { 5 }, 3), 12);

    [Fact]
    public void Hit_rate_is_one_with_any_hit_and_zero_without()
    {
        Assert.Equal(1.0, RankingMetrics.HitRate(TopFive, Relevant));
        Assert.Equal(0.0, RankingMetrics.HitRate(TopFive, new HashSet<int> { 42 }));
    }

    [Fact]
    public void Reciprocal_rank_counts_the_best_relevant_items_position_among_unexcluded_candidates()
    {
        float[] scores = [0.9f, 0.8f, 0.7f, 0.6f, 0.5f];
        bool[] excluded = [true, false, false, false, false];

        // Item 0 is excluded (already rated), so relevant item 2 ranks second behind item 1.
        var rank = RankingMetrics.FirstRelevantRank(scores, new HashSet<int> { 2, 4 }, excluded);
        Assert.Equal(2, rank);
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(rank));
    }

    [Fact]
    public void Novelty_is_higher_for_rarer_items()
    {
        int[] counts = [99, 0];
        Assert.True(RankingMetrics.Novelty([1], counts, 100) > RankingMetrics.Novelty([0], counts, 100));
    }
}
