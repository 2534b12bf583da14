using System.Text;

namespace CineSync.Recommender.Data;

/// <summary>
/// Reads a MovieLens data set folder: ml-latest / ml-latest-small (<c>ratings.csv</c>, <c>movies.csv</c>,
/// <c>tags.csv</c>), ml-100k (<c>u.data</c>, <c>u.item</c> in Latin-1 with genre flags) or ML-1M/10M
/// (<c>ratings.dat</c>, <c>movies.dat</c> with <c>::</c> separators).
/// </summary>
public static class MovieLensReader
{
    private static readonly string[] Ml100kGenres =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>Reads ratings and catalogue of the data set in <paramref name="folder"/>.</summary>
    public static RatingsDataset Read(string folder)
    {
        if (File.Exists(Path.Combine(folder, "ratings.csv")))
        {
            var items = ReadMoviesCsv(Path.Combine(folder, "movies.csv"), Path.Combine(folder, "tags.csv"));
            return new RatingsDataset(RatingsFileReader.Read(Path.Combine(folder, "ratings.csv")), items);
        }

        if (File.Exists(Path.Combine(folder, "u.data")))
        {
            return new RatingsDataset(RatingsFileReader.Read(Path.Combine(folder, "u.data")), ReadCatalog(folder));
        }

        if (File.Exists(Path.Combine(folder, "ratings.dat")))
        {
            return new RatingsDataset(RatingsFileReader.Read(Path.Combine(folder, "ratings.dat")), ReadCatalog(folder));
        }

        throw new FileNotFoundException($"No MovieLens ratings file (ratings.csv, u.data or ratings.dat) in '{folder}'.");
    }

    /// <summary>Reads only the catalogue (movies and tags) of a MovieLens folder; empty when absent.</summary>
    public static IReadOnlyList<ItemMetadata> ReadCatalog(string folder)
    {
        if (File.Exists(Path.Combine(folder, "movies.csv")))
        {
            return ReadMoviesCsv(Path.Combine(folder, "movies.csv"), Path.Combine(folder, "tags.csv"));
        }

        if (File.Exists(Path.Combine(folder, "u.item")))
        {
            return ReadUItem(Path.Combine(folder, "u.item"));
        }

        if (File.Exists(Path.Combine(folder, "movies.dat")))
        {
            return ReadMoviesDat(Path.Combine(folder, "movies.dat"), Path.Combine(folder, "tags.dat"));
        }

        return [];
    }

    private static List<ItemMetadata> ReadMoviesCsv(string moviesPath, string tagsPath)
    {
        var tags = new Dictionary<int, List<string>>();
        if (File.Exists(tagsPath))
        {
            foreach (var line in File.ReadLines(tagsPath, Encoding.UTF8).Skip(1))
            {
                var f = CsvLine.Split(line);
                if (f.Count >= 3 && int.TryParse(f[1], out var id))
                {
                    AddTag(tags, id, f[2]);
                }
            }
        }

        var items = new List<ItemMetadata>();
        foreach (var line in File.ReadLines(moviesPath, Encoding.UTF8).Skip(1))
        {
            var f = CsvLine.Split(line);
            if (f.Count >= 3 && int.TryParse(f[0], out var id))
            {
                items.Add(Create(id, f[1], SplitGenres(f[2]), tags));
            }
        }

        return items;
    }

    private static List<ItemMetadata> ReadMoviesDat(string moviesPath, string tagsPath)
    {
        var tags = new Dictionary<int, List<string>>();
        if (File.Exists(tagsPath))
        {
            foreach (var line in File.ReadLines(tagsPath, Encoding.Latin1))
            {
                var f = line.Split("::");
                if (f.Length >= 3 && int.TryParse(f[1], out var id))
                {
                    AddTag(tags, id, f[2]);
                }
            }
        }

        var items = new List<ItemMetadata>();
        foreach (var line in File.ReadLines(moviesPath, Encoding.Latin1))
        {
            var f = line.Split("::");
            if (f.Length >= 3 && int.TryParse(f[0], out var id))
            {
                items.Add(Create(id, f[1], SplitGenres(f[2]), tags));
            }
        }

        return items;
    }

    private static List<ItemMetadata> ReadUItem(string path)
    {
        var items = new List<ItemMetadata>();
        foreach (var line in File.ReadLines(path, Encoding.Latin1))
        {
            var f = line.Split('|');
            if (f.Length < 6 || !int.TryParse(f[0], out var id))
            {
                continue;
            }

            var genres = new List<string>();
            for (var g = 0; g < Ml100kGenres.Length && 5 + g < f.Length; g++)
            {
                if (f[5 + g] == "1" && g > 0)
                {
                    genres.Add(Ml100kGenres[g]);
                }
            }

            var year = ItemMetadata.YearFromTitle(f[1]);
            if (year is null && f[2].Length >= 4 && int.TryParse(f[2].AsSpan(f[2].Length - 4), out var y))
            {
                year = y;
            }

            items.Add(ItemMetadata.Basic(id, f[1], year, genres));
        }

        return items;
    }

    private static ItemMetadata Create(int id, string title, IReadOnlyList<string> genres, Dictionary<int, List<string>> tags)
        => new(id, title, ItemMetadata.YearFromTitle(title), genres, tags.TryGetValue(id, out var t) ? t : [], [], []);

    private static string[] SplitGenres(string field)
        => field == "(no genres listed)" ? [] : field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AddTag(Dictionary<int, List<string>> tags, int id, string tag)
    {
        if (!tags.TryGetValue(id, out var list))
        {
            tags[id] = list = [];
        }

        var normalised = tag.Trim().ToLowerInvariant();
        if (normalised.Length > 0 && !list.Contains(normalised))
        {
            list.Add(normalised);
        }
    }
}
