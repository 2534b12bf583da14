using System.Numerics.Tensors;

namespace CineSync.Recommender.Models;

/// <summary>
/// Blends models by z-scoring each model's scores over the catalogue for this user and summing them with weights:
/// combined(j) = Σₘ wₘ·(sₘ(j) − μₘ)/σₘ. Because the blend is linear in each model's raw score, a rated item's
/// share of a model's score carries over to the blend with factor wₘ/σₘ (used by explanations).
/// </summary>
internal sealed class Ensemble
{
    public Ensemble(IReadOnlyList<IScoringModel> models, float[] weights, int itemCount)
    {
        if (weights.Length != models.Count)
        {
            throw new ArgumentException("One weight per model is required.", nameof(weights));
        }

        Models = models;
        Weights = weights;
        ItemCount = itemCount;
    }

    public IReadOnlyList<IScoringModel> Models { get; }

    /// <summary>Global weights tuned on validation data.</summary>
    public float[] Weights { get; }

    public int ItemCount { get; }

    public int IndexOf(string name)
    {
        for (var m = 0; m < Models.Count; m++)
        {
            if (Models[m].Name == name) { return m; }
        }

        return -1;
    }

    /// <summary>Scores every item into <see cref="EnsembleScratch.Combined"/>; weights default to the global ones.</summary>
    public void Score(UserProfile user, ReadOnlySpan<float> weights, EnsembleScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (weights.IsEmpty)
        {
            weights = Weights;
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
