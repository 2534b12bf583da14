using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

/// <summary>On a fresh install nobody has rated anything yet: trending still lists something.</summary>
public sealed class TrendingFallbackTests
{
    [Fact]
    public async Task Trending_falls_back_to_corpus_popularity_without_recent_ratings()
    {
        var connectionString = await TestDatabases.CreateAsync("trending", """
            INSERT INTO movies (movie_id, title, year, genres, popularity, mean_rating)
            SELECT i, 'Film ' || i, 2000, '{Drama}', i * 10, 3.5 FROM generate_series(1, 12) i
            """);
        await using var silo = await TestDatabases.StartSiloAsync(connectionString);

        var trending = await silo.Client.GetGrain<ICatalogueGrain>(0).GetTrendingAsync(7, 5);

        Assert.Equal([12, 11, 10, 9, 8], trending.Select(t => t.Title.MovieId));
        Assert.All(trending, t => Assert.True(t.FromCorpus && t.RecentRatings == 0));
    }
}
