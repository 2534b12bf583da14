using CineSync.Bot.Rendering;

namespace CineSync.BotClient.Tests.Rendering;

public sealed class ModelSourcesTests
{
    [Fact]
    public void Why_shows_model_shares_in_words_largest_first_never_as_code_names()
    {
        var text = ModelSources.Shares(new Dictionary<string, float> { ["knn"] = 0.38f, ["als"] = 0.62f });

        Assert.Equal("62% people with tastes like yours · 38% films similar to ones you rated", text);
    }

    [Fact]
    public void A_share_outside_0_to_100_percent_is_never_shown()
    {
        var text = ModelSources.Shares(new Dictionary<string, float> { ["ease"] = 3.83f, ["knn"] = -0.41f });

        Assert.Equal("100% what fans of your films also watch", text);
        Assert.DoesNotContain("-", text, StringComparison.Ordinal);
    }
}
