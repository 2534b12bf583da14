using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace CineSync.Database.Import;

public sealed partial class CatalogImporter
{
    /// <summary>
    /// Imports the director and the three top-billed actors of each film in the Kaggle "IMDB 5000"
    /// movie_metadata.csv (UTF-8 CSV), joined to the catalogue through the tt-id in movie_imdb_link
    /// and links.csv's imdbId. Lines about films the catalogue lacks are rejected as unknown movies.
    /// </summary>
    public Task<ImportReport> ImportImdb5000Async(string folder, CancellationToken cancellationToken = default) =>
        RunAsync("imdb-5000-movie-metadata", async session =>
        {
            var byImdb = await LoadMoviesByImdbIdAsync(session.Connection, cancellationToken).ConfigureAwait(false);
            var fields = new List<string>(28);
            var path = Path.Combine(folder, "movie_metadata.csv");
            using var reader = Open(path, Encoding.UTF8, ',', quoted: true);
            reader.TryRead(fields, out _);
            var columns = fields.Count;
            int Column(string name) => fields.IndexOf(name) is var i and >= 0
                ? i
                : throw new InvalidDataException($"{path} has no '{name}' column: it is not the IMDB 5000 movie_metadata.csv.");
            int link = Column("movie_imdb_link"), director = Column("director_name");
            int[] actors = [Column("actor_1_name"), Column("actor_2_name"), Column("actor_3_name")];

            var file = session.Report.AddFile(reader.FileName);
            var credits = new List<Credit>();
            var seen = new Dictionary<int, int>();
            while (reader.TryRead(fields, out var line))
            {
                file.Rows++;
                if (fields.Count != columns)
                {
                    file.Reject(line, RejectReasons.WrongColumnCount, $"expected {columns} fields, found {fields.Count}");
                    continue;
                }

                var tt = ImdbTitleId().Match(fields[link]);
                if (!tt.Success || !int.TryParse(tt.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var imdb))
                {
                    file.Reject(line, RejectReasons.Unparsable, $"movie_imdb_link '{fields[link]}'");
                    continue;
                }

                if (!byImdb.TryGetValue(imdb, out var movieId))
                {
                    file.Reject(line, RejectReasons.UnknownMovie, $"tt{imdb:D7}");
                    continue;
                }

                if (!seen.TryAdd(imdb, line))
                {
                    file.Reject(line, RejectReasons.Duplicate, $"tt{imdb:D7} is also at line {seen[imdb]}");
                    continue;
                }

                // Names may end in a non-breaking space, which Trim() removes.
                if (fields[director].Trim() is { Length: > 0 } directorName)
                {
                    credits.Add(new Credit(line, movieId, directorName, Director, 0));
                }

                for (short billing = 1; billing <= actors.Length; billing++)
                {
                    if (fields[actors[billing - 1]].Trim() is { Length: > 0 } actorName)
                    {
                        credits.Add(new Credit(line, movieId, actorName, Actor, billing));
                    }
                }
            }

            file.Inserted = await StoreCreditsAsync(session, credits, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>IMDb id → catalogue movie id; when two movies share an IMDb id the lower movie id wins.</summary>
    private static async Task<Dictionary<int, int>> LoadMoviesByImdbIdAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var ids = new Dictionary<int, int>();
        await using var command = new NpgsqlCommand("SELECT imdb_id, movie_id FROM movies WHERE imdb_id IS NOT NULL ORDER BY movie_id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids.TryAdd(reader.GetInt32(0), reader.GetInt32(1));
        }

        return ids;
    }

    [GeneratedRegex(@"/title/tt(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ImdbTitleId();
}
