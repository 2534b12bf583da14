using System.Buffers;
using System.Numerics.Tensors;
using CineSync.Recommender.Data;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Models;

/// <summary>
/// Closed-form linear item-item autoencoders over the rated catalogue (capped at N most-rated items):
/// B = I − P·diag(1/diag P) with P = (XᵀX + Λ)⁻¹, diagonal forced to 0. EASE (Steck 2019) uses Λ = λI; EDLAE
/// (Steck 2020, full rank, emphasised denoising with dropout p) uses Λ = λI + p/(1−p)·diag(XᵀX), which regularises
/// popular items more and so stops the model from leaning on them. A user's score for item j is Σᵢ xᵢ·Bᵢⱼ. Items
/// outside the head score just below the user's lowest head score. Weights are rounded to float16 at fit time so
/// that evaluation measures exactly what the bundle serves.
/// </summary>
internal sealed class EaseModel : IScoringModel
{
    public EaseModel(int itemCount, int[] headItems, float[] weights, string name = "ease")
    {
        Name = name;
        ItemCount = itemCount;
        HeadItems = headItems;
        Weights = weights;
        HeadPosition = new int[itemCount];
        Array.Fill(HeadPosition, -1);
        for (var p = 0; p < headItems.Length; p++)
        {
            HeadPosition[headItems[p]] = p;
        }
    }

    public string Name { get; }

    public int ItemCount { get; }

    /// <summary>Dense item index of each head position.</summary>
    public int[] HeadItems { get; }

    /// <summary>Head position of each item, or -1.</summary>
    public int[] HeadPosition { get; }

    /// <summary>B, N×N row-major over head positions.</summary>
    public float[] Weights { get; }

    public int HeadSize => HeadItems.Length;

    public static EaseModel Fit(TrainingData data, int headSize, float lambda, int maxParallelism = -1)
        => Fit(ItemGram.Create(data, headSize, maxParallelism), lambda, dropout: 0f, "ease", maxParallelism);

    /// <summary>Fits from a precomputed Gram matrix (left untouched, so several λ or p can share it).</summary>
    public static EaseModel Fit(ItemGram gram, float lambda, float dropout, string name, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(gram);
        var n = gram.Size;
        var g = gram.Copy();
        var emphasis = dropout > 0f ? dropout / (1f - dropout) : 0f;
        for (var p = 0; p < n; p++)
        {
            var at = ((long)p * n) + p;
            g[at] += lambda + (emphasis * g[at]);
        }

        SpdInverse.InvertInPlace(g, n, maxParallelism);
        var diagonal = new float[n];
        for (var p = 0; p < n; p++)
        {
            diagonal[p] = g[((long)p * n) + p];
        }

        var half = new Half[n];
        for (var row = 0; row < n; row++)
        {
            var b = g.AsSpan(row * n, n);
            TensorPrimitives.Divide(b, diagonal, b);
            TensorPrimitives.Negate(b, b);
            b[row] = 0f;
            TensorPrimitives.ConvertToHalf(b, half);
            TensorPrimitives.ConvertToSingle(half, b);
        }

        return new EaseModel(gram.ItemCount, gram.HeadItems, g, name);
    }

    public void Score(UserProfile user, Span<float> scores)
    {
        var n = HeadSize;
        var buffer = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var head = buffer.AsSpan(0, n);
            head.Clear();
            for (var r = 0; r < user.Count; r++)
            {
                var p = HeadPosition[user.Items[r]];
                if (p >= 0)
                {
                    TensorPrimitives.MultiplyAdd(Weights.AsSpan(p * n, n), user.Weights[r], head, head);
                }
            }

            var floor = n == 0 ? 0f : TensorPrimitives.Min(head) - 1e-3f;
            scores.Fill(floor);
            for (var p = 0; p < n; p++)
            {
                scores[HeadItems[p]] = head[p];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public void Explain(UserProfile user, int item, Span<float> contributions)
    {
        var j = HeadPosition[item];
        for (var r = 0; r < user.Count; r++)
        {
            var p = HeadPosition[user.Items[r]];
            contributions[r] = j < 0 || p < 0 ? 0f : user.Weights[r] * Weights[(p * HeadSize) + j];
        }
    }
}
