using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;

namespace CineSync.Recommender.Tests.Engine;

public sealed class GroupRecommendationTests
{
    private static readonly RecommenderEngine Engine = new(SyntheticWorld.Bundle);

    private static readonly GroupMember ThrillerFan = new(1, [new(100, 5f), new(101, 5f), new(102, 4f), new(103, 5f), new(200, 1f), new(300, 3f)]);
    private static readonly GroupMember RomanceFan = new(2, [new(200, 5f), new(201, 5f), new(202, 4f), new(203, 5f), new(100, 1f), new(301, 3f)]);

    [Fact]
    public void Least_misery_for_opposite_tastes_keeps_every_member_at_or_above_their_own_median()
    {
        var result = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.LeastMisery) { Count = 3 });

        Assert.Equal(3, result.Items.Count);
        foreach (var pick in result.Items)
        {
            foreach (var (member, satisfaction) in new[] { ThrillerFan, RomanceFan }.Zip(pick.Members))
            {
                Assert.Equal(member.MemberId, satisfaction.MemberId);
                Assert.True(satisfaction.Percentile >= 0.5f, $"{pick.ItemId}: member {member.MemberId} at {satisfaction.Percentile}");
                Assert.True(satisfaction.PredictedRating >= Median(member.Ratings), $"{pick.ItemId}: member {member.MemberId} predicted {satisfaction.PredictedRating}");
            }
        }
    }

    [Fact]
    public void Least_misery_ranks_by_the_least_satisfied_member()
    {
        var result = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.LeastMisery) { Count = 10 });

        var minima = result.Items.Select(p => p.Members.Min(m => m.Percentile)).ToArray();
        Assert.Equal(minima.OrderDescending(), minima);
    }

    [Fact]
    public void Fair_round_robin_lets_each_member_choose_their_favourite_acceptable_title_in_turn()
    {
        var fair = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.Fair) { Count = 2 });
        var acceptable = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.LeastMisery) { Count = 30 })
            .Items.Where(p => p.Members.All(m => m.Percentile >= 0.5f)).ToList();

        // Member 0 chooses first (nobody is satisfied yet), then member 1 from what is left.
        var (first, second) = (fair.Items[0], fair.Items[1]);
        Assert.NotEmpty(acceptable);
        Assert.All(acceptable, p => Assert.True(first.Members[0].Percentile >= p.Members[0].Percentile));
        Assert.All(acceptable.Where(p => p.ItemId != first.ItemId), p => Assert.True(second.Members[1].Percentile >= p.Members[1].Percentile));
    }

    [Theory]
    [InlineData(GroupStrategy.Average)]
    [InlineData(GroupStrategy.Borda)]
    [InlineData(GroupStrategy.LeastMisery)]
    [InlineData(GroupStrategy.Fair)]
    public void Every_strategy_skips_titles_any_member_rated_and_reports_every_member(GroupStrategy strategy)
    {
        var newcomer = new GroupMember(3, []);

        var result = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan, newcomer], strategy) { Count = 5 });

        Assert.Equal(5, result.Items.Count);
        var rated = ThrillerFan.Ratings.Concat(RomanceFan.Ratings).Select(r => r.ItemId).ToHashSet();
        Assert.All(result.Items, p =>
        {
            Assert.DoesNotContain(p.ItemId, rated);
            Assert.Equal([1L, 2L, 3L], p.Members.Select(m => m.MemberId));
        });
    }

    private static float Median(IReadOnlyList<UserRating> ratings)
    {
        var sorted = ratings.Select(r => r.Value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
