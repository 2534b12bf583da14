using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Database.Tests.Import;

public sealed class BadRowTests : IDisposable
{
    private readonly string _folder = PostgresServer.CreateTempFolder("badcsv-");

    [Fact]
    public async Task Bad_rows_are_reported_with_file_and_line_and_the_good_rows_still_import()
    {
        Write("movies.csv",
            "movieId,title,genres",
            "1,\"Heat, The Movie (1995)\",Action|Crime",
            "2,Broken Line (1996)",                     // line 3: wrong column count
            "3,Untitled,(no genres listed)",
            "x,Bad Id (1990),Drama");                   // line 5: unparsable
        Write("links.csv",
            "movieId,imdbId,tmdbId",
            "1,0113277,949",
            "3,,",
            "99,0000001,1");                            // line 4: unknown movie
        Write("ratings.csv",
            "userId,movieId,rating,timestamp",
            "1,1,4.5,964982703",
            "1,3,7.0,964982703",                        // line 3: rating out of range
            "1,999,3.0,964982703",                      // line 4: unknown movie
            "1,1,3.0",                                  // line 5: wrong column count
            "2,1,abc,964982703",                        // line 6: unparsable
            "2,3,0.5,964982703",
            "2,3,1.0,964982704");                       // line 8: duplicate of line 7
        Write("tags.csv",
            "userId,movieId,tag,timestamp",
            "1,1,\"slow, but good\",964982703",
            "1,42,orphan,964982703");                   // line 3: unknown movie
        var db = await PostgresServer.CreateDatabaseAsync("badcsv");
        await DatabaseMigrator.MigrateAsync(db);

        var report = await new CatalogImporter(db).ImportMovieLensLatestAsync(_folder);

        (string, int, string)[] expected =
            [
                ("movies.csv", 3, RejectReasons.WrongColumnCount), ("movies.csv", 5, RejectReasons.Unparsable),
                ("links.csv", 4, RejectReasons.UnknownMovie),
                ("ratings.csv", 3, RejectReasons.RatingOutOfRange), ("ratings.csv", 4, RejectReasons.UnknownMovie),
                ("ratings.csv", 5, RejectReasons.WrongColumnCount), ("ratings.csv", 6, RejectReasons.Unparsable),
                ("ratings.csv", 8, RejectReasons.Duplicate),
                ("tags.csv", 3, RejectReasons.UnknownMovie),
            ];
        Assert.Equal(expected.Order(), report.Problems.Select(p => (p.File, p.Line, p.Reason)).Order());
        Assert.Equal((7, 2, 5), (report["ratings.csv"].Rows, report["ratings.csv"].Accepted, report["ratings.csv"].Rejected));
        Assert.Contains("7.0", report.Problems.Single(p => p.Reason == RejectReasons.RatingOutOfRange).Detail, StringComparison.Ordinal);
        Assert.Contains("ratings.csv:3", report.ToString() + string.Join("\n", report.Problems), StringComparison.Ordinal);

        Assert.Equal(2, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM movies"));
        Assert.Equal("Heat, The Movie|1995|Action,Crime", await Sql.ScalarAsync<string>(db, "SELECT title || '|' || year || '|' || array_to_string(genres, ',') FROM movies WHERE movie_id = 1"));
        Assert.Equal("Untitled||", await Sql.ScalarAsync<string>(db, "SELECT title || '|' || coalesce(year::text, '') || '|' || array_to_string(genres, ',') FROM movies WHERE movie_id = 3"));
        Assert.Equal("1:1:4.5,2:3:0.5", await Sql.ScalarAsync<string>(db, "SELECT string_agg(user_id || ':' || movie_id || ':' || rating, ',' ORDER BY user_id) FROM corpus_ratings"));
        Assert.Equal("slow, but good", await Sql.ScalarAsync<string>(db, "SELECT tag FROM movie_tags"));
    }

    public void Dispose() => PostgresServer.TryDelete(_folder);

    private void Write(string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(_folder, file), string.Join("\r\n", lines) + "\r\n"); // CRLF, as GroupLens ships them
}
