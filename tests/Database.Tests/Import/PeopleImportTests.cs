using CineSync.Database.Import;

namespace CineSync.Database.Tests.Import;

[Collection(MovieLensCollection.Name)]
public sealed class PeopleImportTests(MovieLensFixture db)
{
    private const string DirectorsOf = """
        SELECT coalesce(string_agg(p.name, ', ' ORDER BY p.name), '') FROM movie_people mp JOIN people p USING (person_id)
        WHERE mp.movie_id = @movie AND mp.role = 'director'
        """;

    [Fact]
    public async Task HetRec_gives_directors_where_its_imdb_id_agrees_with_links_csv()
    {
        Assert.Equal("John Lasseter", await db.ScalarAsync<string>(DirectorsOf, ("movie", 1))); // Toy Story
        Assert.Equal("Michael Mann", await db.ScalarAsync<string>(DirectorsOf, ("movie", 6))); // Heat
    }

    [Fact]
    public async Task HetRec_rows_whose_imdb_id_disagrees_with_links_csv_are_skipped_and_counted()
    {
        // HetRec matched "Seven (1995)" to Seven Samurai; links.csv knows better.
        Assert.DoesNotContain("Akira Kurosawa", await db.ScalarAsync<string>(DirectorsOf, ("movie", 47)), StringComparison.Ordinal);

        var directors = db.Hetrec["movie_directors.dat"];
        Assert.Equal(553, directors.RejectedByReason[RejectReasons.ImdbIdMismatch]); // the count ../shared/data/SOURCES.md gives
        Assert.Contains(directors.Problems, p => p is { Line: 4, Reason: RejectReasons.ImdbIdMismatch } && p.Detail.Contains("movieId 3", StringComparison.Ordinal));
        Assert.Equal(directors.Rows, directors.Accepted + directors.Rejected);
    }

    [Fact]
    public async Task IMDB_5000_gives_the_director_and_the_top_three_cast_in_billing_order()
    {
        Assert.Equal("James Cameron", await db.ScalarAsync<string>(DirectorsOf, ("movie", 72998))); // Avatar, tt0499549
        Assert.Equal("CCH Pounder, Joel David Moore, Wes Studi", await db.ScalarAsync<string>("""
            SELECT string_agg(p.name, ', ' ORDER BY mp.billing) FROM movie_people mp JOIN people p USING (person_id)
            WHERE mp.movie_id = 72998 AND mp.role = 'actor'
            """));
    }

    [Fact]
    public async Task Directors_cover_the_movies_either_file_covers()
    {
        // Counted independently with a script over the files: 6,044 movies have a HetRec director whose imdbID
        // agrees with links.csv, 3,535 an IMDB 5000 director; together 7,164 (SOURCES.md's 7,168 counts slightly differently).
        Assert.Equal(7_164, await db.ScalarAsync<long>("SELECT count(DISTINCT movie_id) FROM movie_people WHERE role = 'director'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM people WHERE name <> btrim(name, ' ' || chr(160))"));
    }
}
