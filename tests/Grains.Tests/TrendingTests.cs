using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

/// <summary><c>/trending</c> lists what people here liked lately, not what they rated most.</summary>
public sealed class TrendingTests
{
    [Fact]
    public async Task A_title_many_people_rated_1_star_this_week_is_not_trending_and_liked_titles_rank_by_their_likes()
    {
        var connectionString = await TestDatabases.CreateAsync("trending_likes", """
            INSERT INTO movies (movie_id, title, year, genres, popularity, mean_rating)
            SELECT i, 'Film ' || i, 2000, '{Drama}', i * 10, 3.5 FROM generate_series(1, 12) i
            """);
        await using var silo = await TestDatabases.StartSiloAsync(connectionString);
        var user = 9_000L;
        async Task RateAsync(int movie, params float[] stars)
        {
            foreach (var s in stars)
            {
                await silo.Client.GetGrain<IUserTasteGrain>(++user).RateAsync(movie, s);
            }
        }

        await RateAsync(1, 1f, 1f, 0.5f, 1f, 2f, 4f); // rated most, mostly hated
        await RateAsync(2, 5f, 4.5f);
        await RateAsync(3, 4f, 4f, 3.5f, 1f);

        var trending = await silo.Client.GetGrain<ICatalogueGrain>(0).GetTrendingAsync(7, 4);

        Assert.DoesNotContain(trending, t => t.Title.MovieId == 1);
        Assert.Equal([3, 2], trending.Where(t => !t.FromCorpus).Select(t => t.Title.MovieId));
        Assert.Equal([3, 2], trending.Where(t => !t.FromCorpus).Select(t => t.RecentLikes));
        Assert.Equal(4, trending.Count);
    }
}
