using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class ExplanationTests(GrainsFixture fixture)
{
    [Fact]
    public async Task Why_on_a_film_the_user_rated_1_star_says_plainly_it_does_not_suit_them()
    {
        var user = await ThrillerFanAsync();
        var hated = fixture.Catalogue.Romances[0];

        var why = await user.ExplainAsync(hated);

        Assert.Equal(TitleFit.RatedLow, why.Fit);
        Assert.Contains("doesn't suit you", why.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("fits your taste", why.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("should suit", why.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_on_an_unrated_romantic_comedy_for_a_thriller_fan_who_hates_romance_says_it_wont_suit_and_names_the_hated_romances()
    {
        var user = await ThrillerFanAsync();
        var romance = fixture.Catalogue.Popular("Romance", "Thriller", 1, 5, "Crime", "Action", "Drama")[0];

        var why = await user.ExplainAsync(romance);

        Assert.Equal(TitleFit.Unsuited, why.Fit);
        Assert.Contains("won't suit you", why.Text, StringComparison.Ordinal);
        Assert.NotNull(why.Resembles);
        Assert.Contains(why.Resembles, r => fixture.Catalogue.Romances.Contains(r.MovieId) && r.Stars == 1f);
        Assert.Contains(why.Resembles![0].Title, why.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(why.Because, b => b.Stars < 3.5f);
    }

    [Fact]
    public async Task Why_on_a_recommended_thriller_says_it_suits_with_model_shares_adding_up_to_100_percent()
    {
        var user = await ThrillerFanAsync();
        var recommended = (await user.GetRecommendationsAsync(new RecommendationQuery(10))).Items.First(r => r.Title.Genres.Contains("Thriller"));

        var why = await user.ExplainAsync(recommended.Title.MovieId);

        Assert.Contains(why.Fit, new[] { TitleFit.Suits, TitleFit.Mixed });
        Assert.NotEmpty(why.ModelContributions);
        Assert.All(why.ModelContributions.Values, s => Assert.InRange(s, 0f, 1f));
        Assert.Equal(1f, why.ModelContributions.Values.Sum(), 3);
        Assert.Contains(why.Because, b => fixture.Catalogue.Thrillers.Contains(b.MovieId) && b.Stars == 5f);
    }

    private async Task<IUserTasteGrain> ThrillerFanAsync()
    {
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId());
        await Users.RateAllAsync(user, fixture.Catalogue.Thrillers, 5f);
        await Users.RateAllAsync(user, fixture.Catalogue.Romances, 1f);
        return user;
    }
}
