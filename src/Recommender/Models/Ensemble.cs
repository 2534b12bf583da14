using System.Numerics.Tensors;

namespace CineSync.Recommender.Models;

/// <summary>
/// Blends models by z-scoring each model's scores over the catalogue for this user and summing them with weights:
/// combined(j) = Σₘ wₘ·(sₘ(j) − μₘ)/σₘ. Because the blend is linear in each model's raw score, a rated item's
/// share of a model's score carries over to the blend with factor wₘ/σₘ (used by explanations). The weights may
/// depend on how many ratings the user has: users with fewer than <see cref="BucketBounds"/>[b] ratings (and not
/// fewer than the previous bound) use <see cref="BucketWeights"/>[b]; the rest use <see cref="Weights"/>.
/// </summary>
internal sealed class Ensemble
{
    public Ensemble(IReadOnlyList<IScoringModel> models, float[] weights, int itemCount, int[]? bucketBounds = null, float[][]? bucketWeights = null)
    {
        if (weights.Length != models.Count)
        {
            throw new ArgumentException("One weight per model is required.", nameof(weights));
        }

        bucketBounds ??= [];
        bucketWeights ??= [];
        if (bucketBounds.Length != bucketWeights.Length || bucketWeights.Any(w => w.Length != models.Count))
        {
            throw new ArgumentException("One weight vector per bucket bound, with one weight per model, is required.", nameof(bucketWeights));
        }

        Models = models;
        Weights = weights;
        ItemCount = itemCount;
        BucketBounds = bucketBounds;
        BucketWeights = bucketWeights;
    }

    public IReadOnlyList<IScoringModel> Models { get; }

    /// <summary>Weights tuned on validation data for users with at least the last bucket bound of ratings (all users without buckets).</summary>
    public float[] Weights { get; }

    /// <summary>Ascending exclusive upper bounds on a user's rating count, one per bucket.</summary>
    public int[] BucketBounds { get; }

    /// <summary>Weights of each bucket, in <see cref="BucketBounds"/> order.</summary>
    public float[][] BucketWeights { get; }

    /// <summary>The weights for a user with <paramref name="ratings"/> ratings.</summary>
    public float[] WeightsFor(int ratings)
    {
        for (var b = 0; b < BucketBounds.Length; b++)
        {
            if (ratings < BucketBounds[b]) { return BucketWeights[b]; }
        }

        return Weights;
    }

    public int ItemCount { get; }

    public int IndexOf(string name)
    {
        for (var m = 0; m < Models.Count; m++)
        {
            if (Models[m].Name == name) { return m; }
        }

        return -1;
    }

    /// <summary>Scores every item into <see cref="EnsembleScratch.Combined"/>; weights default to the user's bucket's.</summary>
    public void Score(UserProfile user, ReadOnlySpan<float> weights, EnsembleScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(user);
        if (weights.IsEmpty)
        {
            weights = WeightsFor(user.Count);
        }

        var combined = scratch.Combined.AsSpan(0, ItemCount);
        combined.Clear();
        for (var m = 0; m < Models.Count; m++)
        {
            var w = weights[m];
            scratch.Used[m] = w != 0f;
            if (w == 0f)
            {
                continue;
            }

            var s = scratch.ModelScores[m].AsSpan(0, ItemCount);
            Models[m].Score(user, s);
            var mean = TensorPrimitives.Sum(s) / s.Length;
            TensorPrimitives.Subtract(s, mean, s);
            var std = MathF.Sqrt(TensorPrimitives.SumOfSquares(s) / s.Length);
            if (!(std > 1e-12f))
            {
                std = 1f;
            }

            TensorPrimitives.Multiply(s, 1f / std, s);
            scratch.Scale[m] = w / std;
            TensorPrimitives.MultiplyAdd(s, w, combined, combined);
        }
    }
}

/// <summary>Reusable per-thread buffers for <see cref="Ensemble.Score"/>; after scoring, ModelScores hold z-scores.</summary>
internal sealed class EnsembleScratch
{
    public EnsembleScratch(int models, int items)
    {
        Combined = new float[items];
        ModelScores = new float[models][];
        for (var m = 0; m < models; m++)
        {
            ModelScores[m] = new float[items];
        }

        Used = new bool[models];
        Scale = new float[models];
    }

    public float[] Combined { get; }

    public float[][] ModelScores { get; }

    public bool[] Used { get; }

    /// <summary>wₘ/σₘ per model: the factor from a raw-score contribution to the blended score.</summary>
    public float[] Scale { get; }
}
