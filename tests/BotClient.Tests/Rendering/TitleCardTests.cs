using CineSync.Bot.Commands;
using CineSync.Bot.Rendering;
using CineSync.Grains.Interfaces;

namespace CineSync.BotClient.Tests.Rendering;

public sealed class TitleCardTests
{
    private static readonly TitleInfo Gem = new(42, "Quiet Film", 1998, ["Drama"], 11, 4.6f);

    [Fact]
    public void A_hidden_gem_card_shows_one_rating_not_the_average_and_a_shrunk_figure_side_by_side()
    {
        var card = TitleCards.List("💎 Hidden gems", null, [HiddenGemsCommand.Card(new HiddenGem(Gem, 4.1f, 11))], ownerId: 7);

        var field = Assert.Single(card.Embeds[0].FieldList).Value;
        Assert.Equal(1, field.Count(c => c == '★'));
        Assert.Contains("★ 4.6 avg from only 11 ratings", field, StringComparison.Ordinal);
        Assert.DoesNotContain("4.1", field, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trending_card_shows_this_weeks_likes_and_average_only()
    {
        var card = TitleCards.List("🔥 Trending", null, [TrendingCommand.Card(new TrendingTitle(Gem, 9, 4.3f, FromCorpus: false, RecentLikes: 8))], ownerId: 7);

        var field = Assert.Single(card.Embeds[0].FieldList).Value;
        Assert.Equal(1, field.Count(c => c == '★'));
        Assert.Contains("Liked by 8 people this week · ★ 4.3 avg this week", field, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corpus_favourite_in_trending_shows_its_all_time_average()
    {
        var card = TitleCards.List("🔥 Trending", null, [TrendingCommand.Card(new TrendingTitle(Gem, 0, null, FromCorpus: true))], ownerId: 7);

        var field = Assert.Single(card.Embeds[0].FieldList).Value;
        Assert.Contains("★ 4.6 avg", field, StringComparison.Ordinal);
        Assert.Contains("All-time favourite", field, StringComparison.Ordinal);
    }
}
