using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Database.Import;

public sealed partial class CatalogImporter
{
    /// <summary>
    /// Movies that ml-100k has and the catalogue lacks get ids from here up (this plus the item id),
    /// far above MovieLens movieIds, so they can never clash with a later ml-latest import.
    /// </summary>
    public const int MovieLens100kIdBase = 1_000_000;

    private static readonly string[] DefaultGenres =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>
    /// Imports MovieLens 100K: u.item (ISO-8859-1, '|'-separated, 19 genre flags named by u.genre)
    /// and u.data (tab-separated ratings). An item whose normalised title and year match a catalogue
    /// movie is linked to it through movie_aliases; other items become new movies numbered from
    /// <see cref="MovieLens100kIdBase"/>. Items that are the same film (ml-100k lists a few twice) share one movie.
    /// </summary>
    public Task<ImportReport> ImportMovieLens100kAsync(string folder, CancellationToken cancellationToken = default)
    {
        var dataset = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return RunAsync(dataset, async session =>
        {
            var genres = ReadGenreNames(Path.Combine(folder, "u.genre"));
            var items = await ImportItemsAsync(session, Path.Combine(folder, "u.item"), genres, cancellationToken).ConfigureAwait(false);
            var fields = new List<string>(4);
            using (var reader = Open(Path.Combine(folder, "u.data"), Latin1, '\t', quoted: false))
            {
                await ImportRatingsAsync(session, reader, fields, items, cancellationToken).ConfigureAwait(false);
            }

            session.Report.EndFile();
            await RefreshMovieStatisticsAsync(session.Connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static string[] ReadGenreNames(string path)
    {
        if (!File.Exists(path))
        {
            return DefaultGenres;
        }

        // "Action|1": name and flag position.
        var names = (string[])DefaultGenres.Clone();
        foreach (var line in File.ReadLines(path, Latin1))
        {
            var parts = line.Split('|');
            if (parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var index) && index >= 0 && index < names.Length)
            {
                names[index] = parts[0];
            }
        }

        return names;
    }

    /// <summary>Reads u.item and returns item id → catalogue movie id, creating movies and aliases as needed.</summary>
    private static async Task<Dictionary<int, int>> ImportItemsAsync(ImportSession session, string path, string[] genreNames, CancellationToken ct)
    {
        var dataset = session.Report.Dataset;
        var aliases = await LoadAliasesAsync(session.Connection, dataset, ct).ConfigureAwait(false);
        var catalogue = await TitleIndex.LoadAsync(session.Connection, ct).ConfigureAwait(false);
        await session.ExecuteAsync("""
            CREATE TEMP TABLE stage_items (line integer, item_id integer, movie_id integer, is_new boolean,
                                           title text, year smallint, genres text[]) ON COMMIT DROP
            """, ct).ConfigureAwait(false);

        var fields = new List<string>(24);
        using var reader = Open(path, Latin1, '|', quoted: false);
        var file = session.Report.AddFile(reader.FileName);
        var flagCount = genreNames.Length;
        var seen = new HashSet<int>();
        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY stage_items (line, item_id, movie_id, is_new, title, year, genres) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            while (reader.TryRead(fields, out var line))
            {
                file.Rows++;
                if (fields.Count != 5 + flagCount)
                {
                    file.Reject(line, RejectReasons.WrongColumnCount, $"expected {5 + flagCount} fields, found {fields.Count}");
                    continue;
                }

                if (!TryInt(fields[0], out var itemId) || itemId < 0 || itemId >= MovieLens100kIdBase)
                {
                    file.Reject(line, RejectReasons.Unparsable, $"item id '{fields[0]}'");
                    continue;
                }

                if (!seen.Add(itemId))
                {
                    file.Reject(line, RejectReasons.Duplicate, $"item {itemId}");
                    continue;
                }

                var title = MovieTitle.Parse(fields[1]);
                if (title.Year is null && fields[2].Length >= 4 && short.TryParse(fields[2].AsSpan(fields[2].Length - 4), CultureInfo.InvariantCulture, out var released))
                {
                    title = title with { Year = released }; // "01-Jan-1995" when the title has no "(1995)"
                }

                var isNew = false;
                if (!aliases.TryGetValue(itemId, out var movieId))
                {
                    if (catalogue.Find(title) is int known)
                    {
                        movieId = known;
                    }
                    else
                    {
                        movieId = MovieLens100kIdBase + itemId;
                        isNew = true;
                        catalogue.Add(title, movieId); // a second item with the same film joins this one
                    }
                }

                aliases[itemId] = movieId;
                var genres = new List<string>();
                for (var g = 0; g < flagCount; g++)
                {
                    if (fields[5 + g] == "1" && g > 0) // flag 0 is "unknown"
                    {
                        genres.Add(genreNames[g]);
                    }
                }

                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(itemId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(movieId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(isNew, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await copy.WriteAsync(title.Title, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteAsync(copy, title.Year, ct).ConfigureAwait(false);
                await copy.WriteAsync(genres.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        file.Inserted = await session.ExecuteAsync("""
            INSERT INTO movies (movie_id, title, year, genres)
            SELECT movie_id, title, year, genres FROM stage_items WHERE is_new
            ON CONFLICT (movie_id) DO NOTHING
            """, ct).ConfigureAwait(false);
        file.Inserted += await session.ExecuteAsync("""
            INSERT INTO movie_aliases (dataset, external_id, movie_id)
            SELECT @dataset, item_id::text, movie_id FROM stage_items
            ON CONFLICT (dataset, external_id) DO NOTHING
            """, ct, ("dataset", dataset)).ConfigureAwait(false);
        return aliases;
    }

    private static async Task<Dictionary<int, int>> LoadAliasesAsync(NpgsqlConnection connection, string dataset, CancellationToken ct)
    {
        var aliases = new Dictionary<int, int>();
        await using var command = new NpgsqlCommand("SELECT external_id, movie_id FROM movie_aliases WHERE dataset = @dataset", connection);
        command.Parameters.AddWithValue("dataset", dataset);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (TryInt(reader.GetString(0), out var item))
            {
                aliases[item] = reader.GetInt32(1);
            }
        }

        return aliases;
    }

    private static ValueTask WriteAsync(NpgsqlBinaryImporter writer, short? value, CancellationToken ct) =>
        value is short v ? new ValueTask(writer.WriteAsync(v, NpgsqlDbType.Smallint, ct)) : new ValueTask(writer.WriteNullAsync(ct));
}
