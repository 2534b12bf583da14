using System.Globalization;
using System.Text;
using CineSync.Database.Import.Text;
using NpgsqlTypes;

namespace CineSync.Database.Import;

public sealed partial class CatalogImporter
{
    private const float MinRating = 0.5f;
    private const float MaxRating = 5.0f;

    private static async Task ImportRatingsCsvAsync(ImportSession session, string path, CancellationToken ct)
    {
        var fields = new List<string>(4);
        using var reader = OpenWithHeader(path, Encoding.UTF8, ',', quoted: true, fields);
        await ImportRatingsAsync(session, reader, fields, mapMovie: null, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads "user, movie, rating, unix seconds" lines into corpus_ratings. <paramref name="mapMovie"/>
    /// turns the file's movie ids into catalogue ids (null: they already are catalogue ids).
    /// </summary>
    private static async Task ImportRatingsAsync(
        ImportSession session, DelimitedReader reader, List<string> fields, Dictionary<int, int>? mapMovie, CancellationToken ct)
    {
        await session.ExecuteAsync("""
            CREATE TEMP TABLE stage_ratings (line integer, user_id integer, movie_id integer, source_movie_id integer,
                                             rating real, rated_at timestamptz) ON COMMIT DROP
            """, ct).ConfigureAwait(false);
        var file = session.Report.AddFile(reader.FileName);
        var firstLineOf = new Dictionary<long, int>(); // (user, movie) → the line that rated it first
        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY stage_ratings (line, user_id, movie_id, source_movie_id, rating, rated_at) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            while (reader.TryRead(fields, out var line))
            {
                file.Rows++;
                session.Progress(file);
                if (fields.Count != 4)
                {
                    file.Reject(line, RejectReasons.WrongColumnCount, $"expected 4 fields, found {fields.Count}");
                    continue;
                }

                if (!TryInt(fields[0], out var userId) || !TryInt(fields[1], out var sourceMovieId)
                    || !float.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var rating)
                    || !long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    || seconds < 0 || seconds > 253_402_300_799)
                {
                    file.Reject(line, RejectReasons.Unparsable, string.Join(reader.Delimiter, fields));
                    continue;
                }

                if (!(rating >= MinRating && rating <= MaxRating))
                {
                    file.Reject(line, RejectReasons.RatingOutOfRange, $"rating {fields[2]} is not between 0.5 and 5");
                    continue;
                }

                var movieId = sourceMovieId;
                if (mapMovie is not null && !mapMovie.TryGetValue(sourceMovieId, out movieId))
                {
                    file.Reject(line, RejectReasons.UnknownMovie, $"item {sourceMovieId}");
                    continue;
                }

                var pair = ((long)userId << 32) | (uint)movieId;
                if (!firstLineOf.TryAdd(pair, line))
                {
                    file.Reject(line, RejectReasons.Duplicate, $"user {userId} already rated this movie at line {firstLineOf[pair]}");
                    continue;
                }

                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(userId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(movieId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(sourceMovieId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(rating, NpgsqlDbType.Real, ct).ConfigureAwait(false);
                await copy.WriteAsync(DateTime.UnixEpoch.AddSeconds(seconds), NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        await session.RejectUnknownMoviesAsync(file, "stage_ratings", "'movieId ' || source_movie_id", ct).ConfigureAwait(false);
        file.Inserted = await session.ExecuteAsync("""
            INSERT INTO corpus_ratings (dataset, user_id, movie_id, rating, rated_at)
            SELECT @dataset, user_id, movie_id, rating, rated_at FROM stage_ratings
            ON CONFLICT (dataset, user_id, movie_id) DO NOTHING
            """, ct, ("dataset", session.Report.Dataset)).ConfigureAwait(false);
    }

    private static async Task ImportTagsCsvAsync(ImportSession session, string path, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "CREATE TEMP TABLE stage_tags (line integer, user_id integer, movie_id integer, tag text, tagged_at timestamptz) ON COMMIT DROP", ct).ConfigureAwait(false);
        var fields = new List<string>(4);
        using var reader = OpenWithHeader(path, Encoding.UTF8, ',', quoted: true, fields);
        var file = session.Report.AddFile(reader.FileName);
        var firstLineOf = new Dictionary<(int User, int Movie, string Tag), int>();
        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY stage_tags (line, user_id, movie_id, tag, tagged_at) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            while (reader.TryRead(fields, out var line))
            {
                file.Rows++;
                if (fields.Count != 4)
                {
                    file.Reject(line, RejectReasons.WrongColumnCount, $"expected 4 fields, found {fields.Count}");
                    continue;
                }

                if (!TryInt(fields[0], out var userId) || !TryInt(fields[1], out var movieId)
                    || !long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    || seconds < 0 || seconds > 253_402_300_799)
                {
                    file.Reject(line, RejectReasons.Unparsable, string.Join(',', fields));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(fields[2]))
                {
                    file.Reject(line, RejectReasons.MissingValue, "empty tag");
                    continue;
                }

                var key = (userId, movieId, fields[2]);
                if (!firstLineOf.TryAdd(key, line))
                {
                    file.Reject(line, RejectReasons.Duplicate, $"same tag as line {firstLineOf[key]}");
                    continue;
                }

                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(userId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(movieId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(fields[2], NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(DateTime.UnixEpoch.AddSeconds(seconds), NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        await session.RejectUnknownMoviesAsync(file, "stage_tags", "'movieId ' || movie_id", ct).ConfigureAwait(false);
        file.Inserted = await session.ExecuteAsync("""
            INSERT INTO movie_tags (dataset, user_id, movie_id, tag, tagged_at)
            SELECT @dataset, user_id, movie_id, tag, tagged_at FROM stage_tags
            ON CONFLICT (dataset, user_id, movie_id, tag) DO NOTHING
            """, ct, ("dataset", session.Report.Dataset)).ConfigureAwait(false);
    }
}
