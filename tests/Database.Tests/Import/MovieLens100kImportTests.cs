using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Database.Tests.Import;

public sealed class MovieLens100kImportTests
{
    [Fact]
    public async Task Ml_100k_accounts_for_all_100000_ratings_and_links_its_items_to_catalogue_movies_by_title_and_year()
    {
        var db = await PostgresServer.CreateDatabaseAsync("ml100k");
        await DatabaseMigrator.MigrateAsync(db);
        var importer = new CatalogImporter(db);
        await importer.ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));

        var report = await importer.ImportMovieLens100kAsync(SharedPaths.Data("ml-100k"));

        var ratings = report["u.data"];
        Assert.Equal(100_000, ratings.Rows);
        Assert.Equal(100_000, ratings.Inserted + ratings.Rejected);
        // ml-100k lists a few films twice under two item ids; a user who rated both copies keeps one rating.
        Assert.Equal([RejectReasons.Duplicate], ratings.RejectedByReason.Keys);
        Assert.Equal(ratings.Inserted, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM corpus_ratings WHERE dataset = 'ml-100k'"));
        Assert.Equal(1, await Sql.ScalarAsync<int>(db, "SELECT movie_id FROM movie_aliases WHERE dataset = 'ml-100k' AND external_id = '1'")); // Toy Story
        // u.item is ISO-8859-1: "Misérables, Les (1995)" must match ml-latest-small's UTF-8 title.
        Assert.Equal(73, await Sql.ScalarAsync<int>(db, "SELECT movie_id FROM movie_aliases WHERE dataset = 'ml-100k' AND external_id = '543'"));
        Assert.Equal(0, report["u.item"].Rejected);

        var again = await importer.ImportMovieLens100kAsync(SharedPaths.Data("ml-100k"));
        Assert.All(again.Files, f => Assert.Equal(0, f.Inserted));
    }

    [Fact]
    public async Task Ml_100k_on_an_empty_catalogue_creates_its_movies_with_ids_that_cannot_clash_with_movielens_ids()
    {
        var db = await PostgresServer.CreateDatabaseAsync("ml100k");
        await DatabaseMigrator.MigrateAsync(db);

        var report = await new CatalogImporter(db).ImportMovieLens100kAsync(SharedPaths.Data("ml-100k"));

        Assert.Equal(0, await Sql.ScalarAsync<long>(db, $"SELECT count(*) FROM movies WHERE movie_id < {CatalogImporter.MovieLens100kIdBase}"));
        Assert.Equal(1_682, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM movie_aliases"));
        Assert.Equal(100_000, report["u.data"].Inserted + report["u.data"].Rejected);
        Assert.Equal(["Animation", "Children's", "Comedy"], await Sql.ScalarAsync<string[]>(db, $"SELECT genres FROM movies WHERE movie_id = {CatalogImporter.MovieLens100kIdBase + 1}"));
    }
}
