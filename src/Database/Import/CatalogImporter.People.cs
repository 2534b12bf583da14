using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Database.Import;

public sealed partial class CatalogImporter
{
    private const string Director = "director";
    private const string Actor = "actor";

    /// <summary>
    /// Imports directors from HetRec 2011 (hetrec2011-movielens-2k): movie_directors.dat is keyed by
    /// MovieLens movieId; movies.dat (ISO-8859-1) gives HetRec's IMDb id for each movie, and a
    /// director line is used only when that id equals the catalogue's (links.csv) IMDb id, since
    /// HetRec's IMDb matching has known errors.
    /// </summary>
    public Task<ImportReport> ImportHetrecDirectorsAsync(string folder, CancellationToken cancellationToken = default) =>
        RunAsync("hetrec2011-movielens-2k", async session =>
        {
            var hetrecImdb = ReadHetrecImdbIds(session.Report, Path.Combine(folder, "movies.dat"));
            var catalogueImdb = await LoadImdbIdsAsync(session.Connection, cancellationToken).ConfigureAwait(false);
            var fields = new List<string>(3);
            // movie_directors.dat is UTF-8 (unlike movies.dat); about 277 names carry U+FFFD where HetRec lost an accent.
            using var reader = OpenWithHeader(Path.Combine(folder, "movie_directors.dat"), Encoding.UTF8, '\t', quoted: false, fields);
            var file = session.Report.AddFile(reader.FileName);
            var credits = new List<Credit>();
            var seen = new HashSet<(int, string)>();
            while (reader.TryRead(fields, out var line))
            {
                file.Rows++;
                if (fields.Count != 3)
                {
                    file.Reject(line, RejectReasons.WrongColumnCount, $"expected 3 fields, found {fields.Count}");
                    continue;
                }

                var name = fields[2].Trim();
                if (!TryInt(fields[0], out var movieId))
                {
                    file.Reject(line, RejectReasons.Unparsable, $"movieID '{fields[0]}'");
                }
                else if (name.Length == 0)
                {
                    file.Reject(line, RejectReasons.MissingValue, "empty director name");
                }
                else if (!catalogueImdb.TryGetValue(movieId, out var imdb))
                {
                    file.Reject(line, RejectReasons.UnknownMovie, $"movieId {movieId}");
                }
                else if (imdb is null || !hetrecImdb.TryGetValue(movieId, out var theirs) || theirs != imdb)
                {
                    file.Reject(line, RejectReasons.ImdbIdMismatch,
                        $"movieId {movieId}: links.csv tt{imdb:D7}, HetRec tt{hetrecImdb.GetValueOrDefault(movieId):D7}");
                }
                else if (!seen.Add((movieId, name)))
                {
                    file.Reject(line, RejectReasons.Duplicate, $"movieId {movieId}, {name}");
                }
                else
                {
                    credits.Add(new Credit(line, movieId, name, Director, 0));
                }
            }

            file.Inserted = await StoreCreditsAsync(session, credits, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static Dictionary<int, int> ReadHetrecImdbIds(ImportReport report, string path)
    {
        var fields = new List<string>(21);
        using var reader = OpenWithHeader(path, Encoding.Latin1, '\t', quoted: false, fields);
        var file = report.AddFile(reader.FileName);
        var ids = new Dictionary<int, int>();
        while (reader.TryRead(fields, out var line))
        {
            file.Rows++;
            if (fields.Count < 3)
            {
                file.Reject(line, RejectReasons.WrongColumnCount, $"expected at least 3 fields, found {fields.Count}");
            }
            else if (!TryInt(fields[0], out var id) || !TryInt(fields[2], out var imdb))
            {
                file.Reject(line, RejectReasons.Unparsable, $"id '{fields[0]}', imdbID '{fields[2]}'");
            }
            else if (!ids.TryAdd(id, imdb))
            {
                file.Reject(line, RejectReasons.Duplicate, $"id {id}");
            }
        }

        return ids;
    }

    /// <summary>Catalogue movie id → IMDb id (null when links.csv had none).</summary>
    private static async Task<Dictionary<int, int?>> LoadImdbIdsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var ids = new Dictionary<int, int?>();
        await using var command = new NpgsqlCommand("SELECT movie_id, imdb_id FROM movies", connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }

        return ids;
    }

    /// <summary>Adds the people and their movie links; returns how many database rows are new.</summary>
    private static async Task<long> StoreCreditsAsync(ImportSession session, List<Credit> credits, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "CREATE TEMP TABLE stage_credits (line integer, movie_id integer, name text, role text, billing smallint) ON COMMIT DROP", ct).ConfigureAwait(false);
        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY stage_credits (line, movie_id, name, role, billing) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var credit in credits)
            {
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(credit.Line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(credit.MovieId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(credit.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(credit.Role, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(credit.Billing, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        // Ordered so that person ids do not depend on the order rows happen to come back in.
        long inserted = await session.ExecuteAsync("""
            INSERT INTO people (name)
            SELECT name FROM (SELECT DISTINCT name FROM stage_credits) n ORDER BY name
            ON CONFLICT (name) DO NOTHING
            """, ct).ConfigureAwait(false);
        inserted += await session.ExecuteAsync("""
            INSERT INTO movie_people (movie_id, person_id, role, billing)
            SELECT s.movie_id, p.person_id, s.role, s.billing
            FROM stage_credits s JOIN people p ON p.name = s.name
            ORDER BY s.line, s.billing
            ON CONFLICT (movie_id, person_id, role) DO NOTHING
            """, ct).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>One person's part in one movie, from line <paramref name="Line"/>.</summary>
    private sealed record Credit(int Line, int MovieId, string Name, string Role, short Billing);
}
