using CineSync.Recommender.Bundle;
using CineSync.Recommender.Data;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Tests;

/// <summary>
/// A small deterministic world: 20 thrillers (ids 100–119, 1990s), 20 romances (ids 200–219, 2000s);
/// 10 comedies (ids 300–309, 2010s) everyone finds fine; 40 thriller fans and 40 romance fans who rate most of their
/// genre 4–5★, half the comedies 3–4★ and a few of the other genre 1–2★.
/// </summary>
internal static class SyntheticWorld
{
    public static readonly int[] Thrillers = Enumerable.Range(100, 20).ToArray();
    public static readonly int[] Romances = Enumerable.Range(200, 20).ToArray();
    public static readonly int[] Comedies = Enumerable.Range(300, 10).ToArray();

    private static readonly Lazy<ModelBundle> LazyBundle = new(() => BundleTrainer.Train(Ratings(), Catalog(), new BundleTrainingOptions
    {
        Tune = false,
        Factors = 8,
        Iterations = 10,
        EaseHeadSize = 100,
        Version = "synthetic-1",
        MaxParallelism = 2,
    }));

    public static ModelBundle Bundle => LazyBundle.Value;

    public static IReadOnlyList<ItemMetadata> Catalog()
        => Thrillers.Select(i => ItemMetadata.Basic(i, $"Thriller {i} (1995)", 1990 + (i % 10), ["Thriller"]))
            .Concat(Romances.Select(i => ItemMetadata.Basic(i, $"Romance {i} (2005)", 2000 + (i % 10), ["Romance"])))
            .Concat(Comedies.Select(i => ItemMetadata.Basic(i, $"Comedy {i} (2015)", 2010 + (i % 10), ["Comedy"])))
            .ToList();

    public static List<RatingRecord> Ratings()
    {
        var random = new Random(7);
        var ratings = new List<RatingRecord>();
        for (var user = 1; user <= 80; user++)
        {
            var (liked, other) = user <= 40 ? (Thrillers, Romances) : (Romances, Thrillers);
            var time = 1_000_000L * user;
            foreach (var item in liked)
            {
                // Popularity falls with the id so that items differ in popularity.
                if (random.NextDouble() < 0.9 - (0.03 * (item % 20)))
                {
                    ratings.Add(new RatingRecord(user, item, 4 + random.Next(2), time++));
                }
            }

            foreach (var item in Comedies)
            {
                if (random.NextDouble() < 0.5)
                {
                    ratings.Add(new RatingRecord(user, item, 3 + random.Next(2), time++));
                }
            }

            foreach (var item in other)
            {
                if (random.NextDouble() < 0.1)
                {
                    ratings.Add(new RatingRecord(user, item, 1 + random.Next(2), time++));
                }
            }
        }

        return ratings;
    }
}
