namespace CineSync.Recommender.Data;

/// <summary>How to split ratings into train and test.</summary>
public enum SplitKind
{
    /// <summary>Per user, the latest fraction of ratings by time go to test.</summary>
    Temporal,

    /// <summary>Per user, a random fraction of the user's ratings go to test (seeded; the per-user protocol of NCF/EASE/iALS papers).</summary>
    Random,

    /// <summary>Per user, the single latest rating goes to test.</summary>
    LeaveLastOut,
}

/// <summary>A train/test split of ratings.</summary>
/// <param name="Train">Ratings the models may learn from.</param>
/// <param name="Test">Held-out ratings.</param>
public sealed record RatingsSplit(IReadOnlyList<RatingRecord> Train, IReadOnlyList<RatingRecord> Test);

/// <summary>Deterministic train/test splits.</summary>
public static class DataSplitter
{
    /// <summary>Splits <paramref name="ratings"/>; users with fewer than 2 ratings stay entirely in train.</summary>
    /// <param name="ratings">All ratings.</param>
    /// <param name="kind">How to split.</param>
    /// <param name="testFraction">Held-out fraction for temporal and random splits.</param>
    /// <param name="seed">Seed of the random split.</param>
    /// <param name="lastCount">Ratings per user held out by leave-last-out (at least one stays in train).</param>
    public static RatingsSplit Split(IReadOnlyList<RatingRecord> ratings, SplitKind kind, double testFraction = 0.2, int seed = 42, int lastCount = 1)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return SplitPerUser(ratings, kind, testFraction, seed, lastCount);
    }

    private static RatingsSplit SplitPerUser(IReadOnlyList<RatingRecord> ratings, SplitKind kind, double testFraction, int seed, int lastCount)
    {
        var byUser = new Dictionary<long, List<RatingRecord>>();
        foreach (var r in ratings)
        {
            if (!byUser.TryGetValue(r.UserId, out var list))
            {
                byUser[r.UserId] = list = [];
            }

            list.Add(r);
        }

        var train = new List<RatingRecord>(ratings.Count);
        var test = new List<RatingRecord>();
        foreach (var (user, list) in byUser.OrderBy(p => p.Key))
        {
            // Ties in time are broken by item id so the split is reproducible.
            list.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.ItemId.CompareTo(b.ItemId));
            if (kind == SplitKind.Random)
            {
                // A per-user generator (not one shared stream) so that a user's split does not depend on the others.
                Shuffle(list, new Random(unchecked((seed * 1_000_003) + (int)user)));
            }

            var heldOut = list.Count < 2 ? 0
                : kind == SplitKind.LeaveLastOut ? Math.Min(Math.Max(1, lastCount), list.Count - 1)
                : Math.Max(1, (int)Math.Round(list.Count * testFraction));
            var cut = list.Count - heldOut;
            for (var i = 0; i < list.Count; i++)
            {
                (i < cut ? train : test).Add(list[i]);
            }
        }

        return new RatingsSplit(train, test);
    }

    private static void Shuffle(List<RatingRecord> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
