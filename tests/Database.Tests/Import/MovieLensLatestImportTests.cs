using CineSync.Database.Import;
using CineSync.Testing;

namespace CineSync.Database.Tests.Import;

[Collection(MovieLensCollection.Name)]
public sealed class MovieLensLatestImportTests(MovieLensFixture db)
{
    [Fact]
    public async Task Ml_latest_small_gives_9742_movies_100836_corpus_ratings_and_3683_tags()
    {
        Assert.Equal(9_742, await db.ScalarAsync<long>("SELECT count(*) FROM movies"));
        Assert.Equal(100_836, await db.ScalarAsync<long>("SELECT count(*) FROM corpus_ratings WHERE dataset = 'ml-latest-small'"));
        Assert.Equal(3_683, await db.ScalarAsync<long>("SELECT count(*) FROM movie_tags"));
        Assert.Equal(0, db.MovieLens.Rejected);
        Assert.Equal(100_836, db.MovieLens["ratings.csv"].Inserted);
    }

    [Fact]
    public async Task Titles_keep_their_commas_lose_the_year_suffix_and_genres_are_split()
    {
        Assert.Equal("American President, The", await db.ScalarAsync<string>("SELECT title FROM movies WHERE movie_id = 11"));
        Assert.Equal((short)1995, await db.ScalarAsync<short>("SELECT year FROM movies WHERE movie_id = 11"));
        Assert.Equal(["Comedy", "Drama", "Romance"], await db.ScalarAsync<string[]>("SELECT genres FROM movies WHERE movie_id = 11"));
        Assert.Equal("City of Lost Children, The (Cité des enfants perdus, La)", await db.ScalarAsync<string>("SELECT title FROM movies WHERE movie_id = 29"));

        var noGenres = File.ReadLines(Path.Combine(SharedPaths.Data("ml-latest-small"), "movies.csv")).Count(l => l.EndsWith(",(no genres listed)", StringComparison.Ordinal));
        Assert.True(noGenres > 0);
        Assert.Equal(noGenres, await db.ScalarAsync<long>("SELECT count(*) FROM movies WHERE genres = '{}'"));
    }

    [Fact]
    public async Task Links_give_each_movie_its_imdb_and_tmdb_ids()
    {
        Assert.Equal(114_709, await db.ScalarAsync<int>("SELECT imdb_id FROM movies WHERE movie_id = 1"));
        Assert.Equal(862, await db.ScalarAsync<int>("SELECT tmdb_id FROM movies WHERE movie_id = 1"));
        Assert.Equal(8, await db.ScalarAsync<long>("SELECT count(*) FROM movies WHERE tmdb_id IS NULL")); // links.csv has 8 empty tmdbIds
    }

    [Fact]
    public async Task A_tag_written_with_doubled_quotes_keeps_its_quotes()
    {
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM movie_tags WHERE user_id = 567 AND movie_id = 4552 AND tag = '\"artsy\"'"));
    }

    [Fact]
    public async Task Popularity_and_mean_rating_are_the_count_and_average_of_corpus_ratings()
    {
        Assert.Equal(
            await db.ScalarAsync<long>("SELECT count(*) FROM corpus_ratings WHERE movie_id = 356"),
            (long)await db.ScalarAsync<float>("SELECT popularity FROM movies WHERE movie_id = 356"));
        Assert.Equal(
            await db.ScalarAsync<double>("SELECT avg(rating)::float8 FROM corpus_ratings WHERE movie_id = 356"),
            await db.ScalarAsync<float>("SELECT mean_rating FROM movies WHERE movie_id = 356"), 4);
        Assert.Equal(100_836, await db.ScalarAsync<double>("SELECT sum(popularity)::float8 FROM movies"));
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        const string snapshot = """
            SELECT (SELECT count(*) FROM movies) || '/' || (SELECT count(*) FROM corpus_ratings) || '/' || (SELECT count(*) FROM movie_tags)
                || '/' || (SELECT count(*) FROM people) || '/' || (SELECT count(*) FROM movie_people)
                || '/' || (SELECT sum(popularity) FROM movies) || '/' || (SELECT max(person_id) FROM people)
            """;
        var before = await db.ScalarAsync<string>(snapshot);
        var importer = new CatalogImporter(db.ConnectionString);

        ImportReport[] again =
        [
            await importer.ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small")),
            await importer.ImportHetrecDirectorsAsync(SharedPaths.Data("hetrec2011-movielens-2k")),
            await importer.ImportImdb5000Async(SharedPaths.Data("imdb-5000-movie-metadata")),
        ];

        Assert.All(again.SelectMany(r => r.Files), f => Assert.Equal(0, f.Inserted));
        Assert.Equal(before, await db.ScalarAsync<string>(snapshot));
    }
}
