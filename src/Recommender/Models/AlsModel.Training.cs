using System.Numerics.Tensors;
using CineSync.Recommender.Data;

namespace CineSync.Recommender.Models;

/// <content>Training: alternating least squares, each row solved approximately by warm-started conjugate gradient.</content>
internal sealed partial class AlsModel
{
    /// <summary>Trains item factors. Every training rating is a positive interaction with confidence c(rating).</summary>
    public static AlsModel Fit(TrainingData data, AlsOptions options, RatingPolicy policy, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var k = options.Factors;
        var random = new Random(options.Seed);
        var users = Initial(data.UserCount, k, random);
        var items = Initial(data.ItemCount, k, random);
        var confidence = (float r) => 1f + (options.Alpha * Math.Clamp(r / policy.MaxRating, 0.1f, 1f));
        var userConfidence = Array.ConvertAll(data.UserItems.Values, v => confidence(v));
        var itemConfidence = Array.ConvertAll(data.ItemUsers.Values, v => confidence(v));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        var (userPenalty, userMeanMass) = Penalties(data.UserItems, userConfidence, options);
        var (itemPenalty, _) = Penalties(data.ItemUsers, itemConfidence, options);
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            SolveSide(data.UserItems, userConfidence, userPenalty, users, items, k, options, parallel);
            SolveSide(data.ItemUsers, itemConfidence, itemPenalty, items, users, k, options, parallel);
        }

        return new AlsModel(k, items, options.Regularization, options.Alpha, policy, options.FrequencyExponent, userMeanMass);
    }

    /// <summary>λ·(m/m̄)^ν per row, m = columns + Σ(c − 1) over the row; returns the penalties and m̄.</summary>
    private static (float[] Penalty, float MeanMass) Penalties(InteractionMatrix matrix, float[] confidence, AlsOptions options)
    {
        var mass = new double[matrix.Rows];
        for (var row = 0; row < matrix.Rows; row++)
        {
            double extra = 0;
            for (var at = matrix.RowPointers[row]; at < matrix.RowPointers[row + 1]; at++)
            {
                extra += confidence[at] - 1f;
            }

            mass[row] = matrix.Columns + extra;
        }

        var mean = mass.Length == 0 ? 1.0 : mass.Average();
        var penalty = Array.ConvertAll(mass, m => (float)(options.Regularization * Math.Pow(m / mean, options.FrequencyExponent)));
        return (penalty, (float)mean);
    }

    private static float[] Initial(int rows, int k, Random random)
    {
        var f = new float[rows * k];
        var scale = 0.1f / MathF.Sqrt(k);
        for (var i = 0; i < f.Length; i++)
        {
            f[i] = (float)(random.NextDouble() - 0.5) * scale;
        }

        return f;
    }

    /// <summary>Updates every row of <paramref name="target"/> against the fixed <paramref name="other"/> factors.</summary>
    private static void SolveSide(InteractionMatrix matrix, float[] confidence, float[] penalty, float[] target, float[] other, int k, AlsOptions options, ParallelOptions parallel)
    {
        var gram = ComputeGram(other, k, options.Regularization);
        Parallel.For(0, matrix.Rows, parallel, () => new float[3 * k], (row, _, scratch) =>
        {
            var start = matrix.RowPointers[row];
            var length = matrix.RowPointers[row + 1] - start;
            var x = target.AsSpan(row * k, k);
            if (length == 0)
            {
                x.Clear();
                return scratch;
            }

            ConjugateGradient(gram, other, matrix.ColumnIndices.AsSpan(start, length), confidence.AsSpan(start, length), x, scratch, k, options.CgSteps, penalty[row] - options.Regularization);
            return scratch;
        }, _ => { });
    }

    /// <summary>
    /// Approximately solves (G + Σ (cᵢ−1)·yᵢyᵢᵀ)·x = Σ cᵢ·yᵢ starting from the current x (Takács et al. 2011).
    /// With steps ≥ k it converges to the exact solution. <paramref name="extraDiagonal"/> is this row's penalty
    /// beyond the λ already on the Gram's diagonal.
    /// </summary>
    internal static void ConjugateGradient(ReadOnlySpan<float> gram, ReadOnlySpan<float> other, ReadOnlySpan<int> columns, ReadOnlySpan<float> confidence, Span<float> x, Span<float> scratch, int k, int steps, float extraDiagonal = 0f)
    {
        var r = scratch[..k];
        var p = scratch.Slice(k, k);
        var ap = scratch.Slice(2 * k, k);

        // r = b − A·x
        MultiplyGram(gram, x, r, k);
        TensorPrimitives.MultiplyAdd(x, extraDiagonal, r, r);
        TensorPrimitives.Negate(r, r);
        for (var i = 0; i < columns.Length; i++)
        {
            var y = other.Slice(columns[i] * k, k);
            var c = confidence[i];
            var coefficient = c - ((c - 1f) * TensorPrimitives.Dot(y, x));
            TensorPrimitives.MultiplyAdd(y, coefficient, r, r);
        }

        r.CopyTo(p);
        var rsOld = TensorPrimitives.Dot(r, r);
        for (var step = 0; step < steps && rsOld > 1e-20f; step++)
        {
            MultiplyGram(gram, p, ap, k);
            TensorPrimitives.MultiplyAdd(p, extraDiagonal, ap, ap);
            for (var i = 0; i < columns.Length; i++)
            {
                var y = other.Slice(columns[i] * k, k);
                TensorPrimitives.MultiplyAdd(y, (confidence[i] - 1f) * TensorPrimitives.Dot(y, p), ap, ap);
            }

            var alpha = rsOld / TensorPrimitives.Dot(p, ap);
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
            var rsNew = TensorPrimitives.Dot(r, r);
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    private static void MultiplyGram(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> result, int k)
    {
        for (var f = 0; f < k; f++)
        {
            result[f] = TensorPrimitives.Dot(gram.Slice(f * k, k), v);
        }
    }
}
