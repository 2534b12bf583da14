using System.Text;
using NpgsqlTypes;

namespace CineSync.Database.Import;

public sealed partial class CatalogImporter
{
    private const string NoGenres = "(no genres listed)";

    /// <summary>
    /// Imports a MovieLens "latest" folder (ml-latest-small or ml-latest): movies.csv, links.csv,
    /// ratings.csv and tags.csv, all UTF-8 CSV with a header line. The data set name stored with
    /// ratings and tags is the folder name. Movie statistics are refreshed afterwards.
    /// </summary>
    public Task<ImportReport> ImportMovieLensLatestAsync(string folder, CancellationToken cancellationToken = default)
    {
        var dataset = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return RunAsync(dataset, async session =>
        {
            await ImportMoviesCsvAsync(session, Path.Combine(folder, "movies.csv"), cancellationToken).ConfigureAwait(false);
            await ImportLinksCsvAsync(session, Path.Combine(folder, "links.csv"), cancellationToken).ConfigureAwait(false);
            await ImportRatingsCsvAsync(session, Path.Combine(folder, "ratings.csv"), cancellationToken).ConfigureAwait(false);
            var tags = Path.Combine(folder, "tags.csv");
            if (File.Exists(tags))
            {
                await ImportTagsCsvAsync(session, tags, cancellationToken).ConfigureAwait(false);
            }

            session.Report.EndFile();
            await RefreshMovieStatisticsAsync(session.Connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static async Task ImportMoviesCsvAsync(ImportSession session, string path, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "CREATE TEMP TABLE stage_movies (line integer, movie_id integer, title text, year smallint, genres text[]) ON COMMIT DROP", ct).ConfigureAwait(false);
        var fields = new List<string>(4);
        using var reader = OpenWithHeader(path, Encoding.UTF8, ',', quoted: true, fields);
        var file = session.Report.AddFile(reader.FileName);
        var seen = new HashSet<int>();
        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY stage_movies (line, movie_id, title, year, genres) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            while (reader.TryRead(fields, out var line))
            {
                file.Rows++;
                session.Progress(file);
                if (fields.Count != 3)
                {
                    file.Reject(line, RejectReasons.WrongColumnCount, $"expected 3 fields, found {fields.Count}");
                    continue;
                }

                if (!TryInt(fields[0], out var movieId))
                {
                    file.Reject(line, RejectReasons.Unparsable, $"movieId '{fields[0]}'");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(fields[1]))
                {
                    file.Reject(line, RejectReasons.MissingValue, "empty title");
                    continue;
                }

                if (!seen.Add(movieId))
                {
                    file.Reject(line, RejectReasons.Duplicate, $"movieId {movieId}");
                    continue;
                }

                var title = MovieTitle.Parse(fields[1]);
                var genres = fields[2] is NoGenres or "" ? [] : fields[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(movieId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(title.Title, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                if (title.Year is short year)
                {
                    await copy.WriteAsync(year, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                }
                else
                {
                    await copy.WriteNullAsync(ct).ConfigureAwait(false);
                }

                await copy.WriteAsync(genres, NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        file.Inserted = await session.ExecuteAsync("""
            INSERT INTO movies (movie_id, title, year, genres)
            SELECT movie_id, title, year, genres FROM stage_movies
            ON CONFLICT (movie_id) DO NOTHING
            """, ct).ConfigureAwait(false);
    }

    private static async Task ImportLinksCsvAsync(ImportSession session, string path, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "CREATE TEMP TABLE stage_links (line integer, movie_id integer, imdb_id integer, tmdb_id integer) ON COMMIT DROP", ct).ConfigureAwait(false);
        var fields = new List<string>(4);
        using var reader = OpenWithHeader(path, Encoding.UTF8, ',', quoted: true, fields);
        var file = session.Report.AddFile(reader.FileName);
        var seen = new HashSet<int>();
        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY stage_links (line, movie_id, imdb_id, tmdb_id) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            while (reader.TryRead(fields, out var line))
            {
                file.Rows++;
                if (fields.Count != 3)
                {
                    file.Reject(line, RejectReasons.WrongColumnCount, $"expected 3 fields, found {fields.Count}");
                    continue;
                }

                // imdbId and tmdbId may be empty (a few movies have no TMDB entry).
                int? imdb = TryInt(fields[1], out var i) ? i : null;
                int? tmdb = TryInt(fields[2], out var t) ? t : null;
                if (!TryInt(fields[0], out var movieId) || (imdb is null && fields[1].Length > 0) || (tmdb is null && fields[2].Length > 0))
                {
                    file.Reject(line, RejectReasons.Unparsable, string.Join(',', fields));
                    continue;
                }

                if (!seen.Add(movieId))
                {
                    file.Reject(line, RejectReasons.Duplicate, $"movieId {movieId}");
                    continue;
                }

                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(movieId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await WriteAsync(copy, imdb, ct).ConfigureAwait(false);
                await WriteAsync(copy, tmdb, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        await session.RejectUnknownMoviesAsync(file, "stage_links", "'movieId ' || movie_id", ct).ConfigureAwait(false);
        file.Inserted = await session.ExecuteAsync("""
            UPDATE movies m SET imdb_id = s.imdb_id, tmdb_id = s.tmdb_id
            FROM stage_links s
            WHERE m.movie_id = s.movie_id AND (m.imdb_id IS DISTINCT FROM s.imdb_id OR m.tmdb_id IS DISTINCT FROM s.tmdb_id)
            """, ct).ConfigureAwait(false);
    }
}
