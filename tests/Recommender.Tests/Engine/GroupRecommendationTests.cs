using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Engine;

public sealed class GroupRecommendationTests
{
    private static readonly RecommenderEngine Engine = new(SyntheticWorld.Bundle);

    private static readonly GroupMember ThrillerFan = new(1, [new(100, 5f), new(101, 5f), new(102, 4f), new(103, 5f), new(200, 1f), new(300, 3f)]);
    private static readonly GroupMember RomanceFan = new(2, [new(200, 5f), new(201, 5f), new(202, 4f), new(203, 5f), new(100, 1f), new(301, 3f)]);

    [Fact]
    public void Least_misery_lists_no_title_any_member_places_in_the_bottom_tenth_of_their_own_list()
    {
        var result = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.LeastMisery) { Count = 4 });

        Assert.All(result.Items, p => Assert.All(p.Members, m => Assert.True(m.Percentile >= 0.1f, $"a shortlisted title sits at percentile {m.Percentile} for a member")));
    }

    [Fact]
    public void Fair_turns_let_each_member_choose_among_their_own_favourites_in_turn()
    {
        var fair = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.Fair) { Count = 2 });

        // Member 0 chooses first (nobody has anything yet), then member 1: each a title near the top of their own list.
        Assert.True(fair.Items[0].Members[0].Percentile >= 0.9f, $"first pick at {fair.Items[0].Members[0].Percentile} for member 0");
        Assert.True(fair.Items[1].Members[1].Percentile >= 0.9f, $"second pick at {fair.Items[1].Members[1].Percentile} for member 1");
    }

    [Fact]
    public void Each_members_fit_is_their_own_predicted_rating_different_per_member_and_per_title()
    {
        var result = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.Average) { Count = 5 });

        var fits = result.Items.SelectMany(p => p.Members.Select(m => m.PredictedRating)).ToArray();
        Assert.All(fits, f => Assert.InRange(f, 0.5f, 5f));
        Assert.True(fits.Distinct().Count() > result.Items.Count, string.Join(", ", fits));
        Assert.Contains(result.Items, p => p.Members[0].PredictedRating != p.Members[1].PredictedRating);
        Assert.DoesNotContain(result.Items, p => p.Members.All(m => m.PredictedRating == 5f));
    }

    [Theory]
    [InlineData(GroupStrategy.LeastMisery)]
    [InlineData(GroupStrategy.Average)]
    [InlineData(GroupStrategy.Fair)]
    [InlineData(GroupStrategy.Borda)]
    public void A_member_who_rated_every_comedy_they_saw_1_star_gets_no_comedy_while_other_titles_remain(GroupStrategy strategy)
    {
        var comedyHater = new GroupMember(3, [new(300, 1f), new(301, 1f), new(302, 1f), new(303, 1f), new(304, 1f), new(105, 5f), new(205, 5f), new(106, 4f)]);
        var comedyFan = new GroupMember(4, [new(305, 5f), new(306, 5f), new(107, 4f), new(207, 4f)]);

        var result = Engine.RecommendGroup(new GroupRequest([comedyHater, comedyFan, ThrillerFan], strategy) { Count = 8 });

        Assert.Equal(8, result.Items.Count);
        Assert.DoesNotContain(result.Items, p => SyntheticWorld.Comedies.Contains(p.ItemId));
    }

    [Fact]
    public void Least_misery_never_shortlists_a_title_a_member_is_predicted_to_dislike_when_better_ones_exist()
    {
        var result = Engine.RecommendGroup(new GroupRequest([ThrillerFan, RomanceFan], GroupStrategy.LeastMisery) { Count = 10 });

        foreach (var pick in result.Items)
        {
            foreach (var (member, fit) in new[] { ThrillerFan, RomanceFan }.Zip(pick.Members))
            {
                var mean = member.Ratings.Average(r => r.Value);
                Assert.False(NeighbourRating.IsDislike(fit.PredictedRating, mean), $"{pick.ItemId}: member {member.MemberId} predicted {fit.PredictedRating} (mean {mean})");
            }
        }
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

    [Theory]
    [InlineData(GroupStrategy.LeastMisery)]
    [InlineData(GroupStrategy.Average)]
    [InlineData(GroupStrategy.Fair)]
    [InlineData(GroupStrategy.Borda)]
    public void A_member_whose_tastes_differ_from_the_others_still_gets_a_title_from_their_own_top_list(GroupStrategy strategy)
    {
        var thrillerFans = Enumerable.Range(0, 3)
            .Select(i => new GroupMember(10 + i, [new(100 + i, 5f), new(104 + i, 5f), new(108 + i, 4f), new(112 + i, 5f), new(300 + i, 3f)]))
            .ToArray();
        var romanceFan = new GroupMember(20, [new(200, 5f), new(201, 5f), new(202, 4f), new(203, 5f), new(305, 3f)]);

        var result = Engine.RecommendGroup(new GroupRequest([.. thrillerFans, romanceFan], strategy) { Count = 5 });

        // The romance fan's own top list is romances; the others' is thrillers, and four members out of five like thrillers.
        var personal = Engine.Recommend(new RecommendationRequest(romanceFan.Ratings)
        {
            Count = 10,
            ExplanationsPerItem = 0,
            Exclude = [.. thrillerFans.SelectMany(f => f.Ratings.Select(r => r.ItemId))],
        }).Items.Select(r => r.ItemId).ToHashSet();
        Assert.Contains(result.Items, p => personal.Contains(p.ItemId));
    }

    [Theory]
    [InlineData(GroupStrategy.Average)]
    [InlineData(GroupStrategy.Borda)]
    [InlineData(GroupStrategy.Fair)]
    public void Each_of_two_members_with_different_tastes_finds_half_the_list_from_their_own_top_ten(GroupStrategy strategy)
    {
        var thrillerFan = new GroupMember(1, [new(100, 5f), new(101, 5f), new(104, 4f), new(106, 5f), new(300, 3f)]);
        var romanceFan = new GroupMember(2, [new(200, 5f), new(201, 5f), new(204, 4f), new(206, 5f), new(301, 3f)]);
        GroupMember[] members = [thrillerFan, romanceFan];

        var result = Engine.RecommendGroup(new GroupRequest(members, strategy) { Count = 6 });

        var rated = members.SelectMany(m => m.Ratings.Select(r => r.ItemId)).ToArray();
        foreach (var member in members)
        {
            var own = Engine.Recommend(new RecommendationRequest(member.Ratings) { Count = 10, ExplanationsPerItem = 0, Exclude = rated })
                .Items.Select(r => r.ItemId).ToHashSet();
            Assert.True(result.Items.Count(p => own.Contains(p.ItemId)) >= 3, $"member {member.MemberId}: {string.Join(", ", result.Items.Select(p => p.ItemId))}");
        }
    }

    [Fact]
    public void Fair_rounds_let_every_member_choose_once_before_anyone_chooses_twice()
    {
        var thrillerFan = new GroupMember(1, [new(100, 5f), new(101, 5f), new(104, 4f), new(106, 5f)]);
        var romanceFan = new GroupMember(2, [new(200, 5f), new(201, 5f), new(204, 4f), new(206, 5f)]);
        var comedyFan = new GroupMember(3, [new(300, 5f), new(301, 5f), new(302, 4f), new(303, 5f)]);

        var fair = Engine.RecommendGroup(new GroupRequest([thrillerFan, romanceFan, comedyFan], GroupStrategy.Fair) { Count = 3 });

        // Each of the three picks is near the top of a different member's own list.
        Assert.All(Enumerable.Range(0, 3), m => Assert.Contains(fair.Items, p => p.Members[m].Percentile >= 0.9f));
    }
}
