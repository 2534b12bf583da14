using CineSync.Recommender.Data;

namespace CineSync.Recommender.Bench;

/// <summary>Seeded synthetic ratings: Zipf-like item popularity, 20 genres, users favouring two genres.</summary>
internal static class SyntheticData
{
    private const int Genres = 20;

    public static RatingsDataset Create(int users, int items, int ratingsPerUser, int seed = 42)
    {
        var random = new Random(seed);
        var catalog = Enumerable.Range(0, items)
            .Select(i => ItemMetadata.Basic(i, $"Item {i}", 1950 + (i % 70), [$"Genre{i % Genres}", $"Genre{(i * 7 + 3) % Genres}"]))
            .ToList();
        var cumulative = new double[items];
        var total = 0.0;
        for (var i = 0; i < items; i++)
        {
            total += 1.0 / Math.Pow(i + 10, 0.8);
            cumulative[i] = total;
        }

        var ratings = new List<RatingRecord>(users * ratingsPerUser);
        var seen = new HashSet<int>();
        for (var u = 0; u < users; u++)
        {
            var favourite = random.Next(Genres);
            var count = Math.Max(5, (int)(ratingsPerUser * (0.3 + (1.4 * random.NextDouble()))));
            seen.Clear();
            var time = 1_500_000_000L + (u * 1000L);
            while (seen.Count < Math.Min(count, items / 2))
            {
                var item = Array.BinarySearch(cumulative, random.NextDouble() * total);
                item = item < 0 ? ~item : item;
                item = Math.Min(item, items - 1);

                // Two thirds of a user's ratings fall in their favourite genre.
                if (item % Genres != favourite && random.NextDouble() < 0.66)
                {
                    continue;
                }

                if (seen.Add(item))
                {
                    ratings.Add(new RatingRecord(u, item, item % Genres == favourite ? 4 + random.Next(2) : 1 + random.Next(5), time++));
                }
            }
        }

        return new RatingsDataset(ratings, catalog);
    }
}
