using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class CatalogueTests(GrainsFixture fixture)
{
    private const int Matrix = 2571;

    private ICatalogueGrain Catalogue => fixture.Silo.Client.GetGrain<ICatalogueGrain>(0);

    [Theory]
    [InlineData("Matirx")]
    [InlineData("matrix")]
    [InlineData("Matrix, The")]
    [InlineData("The Matrix (1999)")]
    [InlineData("the matrix 1999")]
    public async Task Title_search_forgives_typos_articles_and_missing_years(string query)
    {
        var matches = await Catalogue.SearchAsync(query, 5);
        Assert.Equal(Matrix, matches[0].Title.MovieId);
        Assert.Equal("The Matrix (1999)", matches[0].Title.Display);
    }

    [Fact]
    public async Task Resolving_a_typo_takes_the_title_meant_and_far_off_text_gets_a_did_you_mean()
    {
        Assert.Equal(Matrix, (await Catalogue.ResolveAsync("The Matrix")).MovieId);
        Assert.Equal(Matrix, (await Catalogue.ResolveAsync("Matirx")).MovieId);
        var error = await Assert.ThrowsAsync<UnknownMovieException>(() => Catalogue.ResolveAsync("Mtrx Rldd"));
        Assert.StartsWith("I don't know a movie called 'Mtrx Rldd' — did you mean ", error.Message);
        await Assert.ThrowsAsync<UnknownMovieException>(() => Catalogue.GetTitleAsync(-5));
    }

    [Fact]
    public async Task Trending_follows_recent_ratings_of_discord_users()
    {
        var obscure = fixture.Catalogue.Popular("Documentary", "Comedy", 1, skip: 20)[0];
        for (var i = 0; i < 8; i++)
        {
            await fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId()).RateAsync(obscure, 4f);
        }

        var trending = await Catalogue.GetTrendingAsync(7, 10);

        Assert.Equal(10, trending.Count);
        Assert.Equal(obscure, trending[0].Title.MovieId);
        Assert.Equal(8, trending[0].RecentRatings);
        Assert.Equal(8, trending[0].RecentLikes);

        // What other tests liked lately comes next; corpus favourites only fill what is left.
        Assert.Equal(trending.OrderBy(t => t.FromCorpus).Select(t => t.Title.MovieId), trending.Select(t => t.Title.MovieId));
    }

    [Fact]
    public async Task Hidden_gems_are_well_rated_but_rarely_rated()
    {
        var gems = await Catalogue.GetHiddenGemsAsync(10, null);
        Assert.Equal(10, gems.Count);
        Assert.All(gems, g => Assert.InRange(g.RatingCount, 5, 60));
        Assert.All(gems, g => Assert.True(g.ShrunkMean < g.Title.MeanRating && g.ShrunkMean > 3.5f));
        var dramas = await Catalogue.GetHiddenGemsAsync(5, "drama");
        Assert.All(dramas, g => Assert.Contains("Drama", g.Title.Genres));
    }
}
