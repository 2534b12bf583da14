using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Engine;

public sealed class ItemExplanationTests
{
    private static readonly RecommenderEngine Engine = new(SyntheticWorld.Bundle);

    private static readonly UserRating[] LovesThrillersHatesRomance =
    [
        new(100, 5f), new(101, 5f), new(102, 5f), new(103, 4.5f), new(104, 5f),
        new(200, 1f), new(201, 1f), new(202, 1.5f), new(203, 1f), new(300, 3f),
    ];

    [Fact]
    public void An_unrated_thriller_suits_a_thriller_fan_because_of_the_thrillers_they_loved()
    {
        var why = Engine.ExplainItem(new ItemExplanationRequest(LovesThrillersHatesRomance, 105));

        Assert.Equal(FitVerdict.Suits, why.Verdict);
        Assert.True(why.Percentile >= 0.8f, $"percentile {why.Percentile}");
        Assert.NotEmpty(why.Supporting);
        Assert.All(why.Supporting, b => Assert.Contains(b.ItemId, SyntheticWorld.Thrillers));
        Assert.Empty(why.Opposing);
        Assert.Contains("thriller", why.LikedGenres);
    }

    [Fact]
    public void An_unrated_romance_does_not_suit_them_and_the_romances_they_hated_are_named()
    {
        var why = Engine.ExplainItem(new ItemExplanationRequest(LovesThrillersHatesRomance, 210));

        Assert.Equal(FitVerdict.Unsuited, why.Verdict);
        Assert.NotEmpty(why.Opposing);
        Assert.All(why.Opposing, b => Assert.Contains(b.ItemId, SyntheticWorld.Romances));
        Assert.All(why.Supporting, b => Assert.True(b.Rating >= FitJudge.HighAtOrAbove));
        Assert.Contains("romance", why.DislikedGenres);
    }

    [Fact]
    public void A_title_the_user_rated_1_star_is_judged_by_that_rating_and_explained_without_it()
    {
        var why = Engine.ExplainItem(new ItemExplanationRequest(LovesThrillersHatesRomance, 200));

        Assert.Equal(FitVerdict.RatedLow, why.Verdict);
        Assert.DoesNotContain(why.Opposing, b => b.ItemId == 200);
        Assert.DoesNotContain(why.Supporting, b => b.ItemId == 200);
    }

    [Theory]
    [InlineData(105)]
    [InlineData(210)]
    [InlineData(305)]
    public void Model_shares_are_between_0_and_100_percent_and_add_up_to_100(int item)
    {
        var why = Engine.ExplainItem(new ItemExplanationRequest(LovesThrillersHatesRomance, item));

        Assert.NotEmpty(why.ModelShares);
        Assert.All(why.ModelShares.Values, s => Assert.InRange(s, 0f, 1f));
        Assert.Equal(1f, why.ModelShares.Values.Sum(), 4);
    }

    [Fact]
    public void A_title_the_model_does_not_know_gets_no_verdict()
    {
        var why = Engine.ExplainItem(new ItemExplanationRequest(LovesThrillersHatesRomance, 999_999));

        Assert.Equal(FitVerdict.Unknown, why.Verdict);
        Assert.Empty(why.ModelShares);
    }
}
