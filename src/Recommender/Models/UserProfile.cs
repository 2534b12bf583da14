using System.Numerics.Tensors;

namespace CineSync.Recommender.Models;

/// <summary>
/// A user as the models see them: rated items as dense indices with their ratings and signed weights
/// (liked +1, disliked negative), and optionally the ALS taste vector folded in from these ratings.
/// </summary>
internal sealed class UserProfile
{
    public UserProfile(int[] items, float[] ratings, float[] weights, float[]? recency = null)
    {
        Items = items;
        Ratings = ratings;
        Weights = weights;
        Recency = recency ?? Enumerable.Repeat(1f, items.Length).ToArray();
    }

    /// <summary>Dense item indices, ascending.</summary>
    public int[] Items { get; }

    public float[] Ratings { get; }

    /// <summary>Signed weight of each rated item for neighbourhood and content models.</summary>
    public float[] Weights { get; }

    /// <summary>Recency factor in (0, 1] of each rating (1 without times or half-life); already folded into Weights.</summary>
    public float[] Recency { get; }

    /// <summary>ALS taste vector; computed lazily by the ALS model when null.</summary>
    public float[]? Taste { get; set; }

    /// <summary>Cholesky factor of the user's ALS system, cached by the ALS model for explanations.</summary>
    public float[]? AlsFactor { get; set; }

    public int Count => Items.Length;

    /// <summary>
    /// Builds a profile from (dense item, rating[, time]) triples; negative items (unknown to the model) are skipped and
    /// a repeated item keeps its last rating. With times and a recency half-life, older ratings weigh less.
    /// </summary>
    public static UserProfile Create(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, RatingPolicy policy, ReadOnlySpan<long> times = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var keys = new List<(int Item, int Order)>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] >= 0)
            {
                keys.Add((items[i], i));
            }
        }

        keys.Sort();
        var count = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            // Sorted by (item, input order): keep the last occurrence of each item.
            if (k + 1 < keys.Count && keys[k + 1].Item == keys[k].Item) { continue; }
            keys[count++] = keys[k];
        }

        var dense = new int[count];
        var values = new float[count];
        var weights = new float[count];
        var stamps = times.IsEmpty ? null : new long[count];
        for (var k = 0; k < count; k++)
        {
            var (item, order) = keys[k];
            dense[k] = item;
            values[k] = ratings[order];
            weights[k] = policy.Weight(values[k]);
            if (stamps is not null) { stamps[k] = times[order]; }
        }

        var recency = new float[count];
        Array.Fill(recency, 1f);
        if (stamps is not null && policy.RecencyHalfLife > 0)
        {
            ApplyRecency(recency, stamps, policy.RecencyHalfLife);
            TensorPrimitives.Multiply(weights, recency, weights);
        }

        return new UserProfile(dense, values, weights, recency);
    }

    /// <summary>Sets each factor to 2^(−n/halfLife), n = how many of the user's ratings are newer.</summary>
    private static void ApplyRecency(float[] recency, long[] stamps, float halfLife)
    {
        var sorted = (long[])stamps.Clone();
        Array.Sort(sorted);
        for (var k = 0; k < recency.Length; k++)
        {
            var newer = sorted.Length - UpperBound(sorted, stamps[k]);
            recency[k] = MathF.Pow(2f, -newer / halfLife);
        }
    }

    private static int UpperBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }
}

/// <summary>
/// How a rating value becomes a training signal. Training treats every rating as an interaction (the usual implicit
/// protocol on MovieLens); when scoring, a rating at or below <see cref="DislikeAtOrBelow"/> counts against similar
/// items so that a user's 1★ titles push their kind down.
/// </summary>
/// <param name="DislikeAtOrBelow">Ratings at or below this are dislikes at scoring time; below 0 disables.</param>
/// <param name="DislikeWeight">Magnitude of a dislike relative to a like.</param>
/// <param name="MaxRating">The rating scale's maximum, used to scale ALS confidence.</param>
/// <param name="RecencyHalfLife">
/// When rating times are known, a rating's weight (its confidence above 1 in ALS fold-in) halves for every this many
/// newer ratings of the same user, since recent taste predicts the next title better; 0 disables.
/// </param>
internal sealed record RatingPolicy(float DislikeAtOrBelow = 2f, float DislikeWeight = 1f, float MaxRating = 5f, float RecencyHalfLife = 0f)
{
    public static RatingPolicy Default { get; } = new();

    public bool IsDislike(float rating) => rating <= DislikeAtOrBelow;

    public float Weight(float rating) => IsDislike(rating) ? -DislikeWeight : 1f;
}
