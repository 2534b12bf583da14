using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class ModelSharesTests
{
    [Fact]
    public void Shares_of_mixed_sign_contributions_are_never_over_100_percent_or_negative_and_add_up_to_100()
    {
        var contributions = new Dictionary<string, float> { ["ease"] = 3.83f, ["knn"] = -0.41f, ["als"] = 1.2f, ["pop"] = -2.5f, ["content"] = 0.07f };

        var up = ModelShares.Normalise(contributions);
        var down = ModelShares.Normalise(contributions, upward: false);

        Assert.Equal(["ease", "als", "content"], up.OrderByDescending(u => u.Value).Select(u => u.Key));
        Assert.All(up.Values.Concat(down.Values), v => Assert.InRange(v, 0.01f, 1f));
        Assert.Equal(1f, up.Values.Sum(), 4);
        Assert.Equal(1f, down.Values.Sum(), 4);
        Assert.Equal(["pop", "knn"], down.OrderByDescending(d => d.Value).Select(d => d.Key));
    }

    [Fact]
    public void Rounded_shares_still_add_up_to_exactly_100_percent()
    {
        var thirds = new Dictionary<string, float> { ["a"] = 1f, ["b"] = 1f, ["c"] = 1f };

        var shares = ModelShares.Normalise(thirds);

        Assert.Equal(100, shares.Values.Sum(v => (int)MathF.Round(v * 100f)));
    }

    [Fact]
    public void No_model_pushing_that_way_gives_no_shares_rather_than_a_division_by_zero()
    {
        Assert.Empty(ModelShares.Normalise(new Dictionary<string, float> { ["als"] = -1f }));
        Assert.Empty(ModelShares.Normalise(new Dictionary<string, float>()));
    }

    [Fact]
    public void Each_model_is_described_in_words_a_member_understands()
    {
        Assert.Equal("people with tastes like yours", ModelShares.Source("als"));
        Assert.Equal("films similar to ones you rated", ModelShares.Source("knn"));
    }
}
