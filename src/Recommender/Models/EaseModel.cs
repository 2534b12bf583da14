using System.Buffers;
using System.Numerics.Tensors;
using CineSync.Recommender.Data;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Models;

/// <summary>
/// EASE (Steck 2019) on the head of the catalogue: B = I − P·diag(1/diag P) with P = (XᵀX + λI)⁻¹ over the N most
/// rated items, diagonal forced to 0. A user's score for head item j is Σᵢ xᵢ·Bᵢⱼ. Items outside the head score
/// just below the user's lowest head score. Weights are rounded to float16 at fit time so that evaluation
/// measures exactly what the bundle serves.
/// </summary>
internal sealed class EaseModel : IScoringModel
{
    public EaseModel(int itemCount, int[] headItems, float[] weights)
    {
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

    public string Name => "ease";

    public int ItemCount { get; }

    /// <summary>Dense item index of each head position.</summary>
    public int[] HeadItems { get; }

    /// <summary>Head position of each item, or -1.</summary>
    public int[] HeadPosition { get; }

    /// <summary>B, N×N row-major over head positions.</summary>
    public float[] Weights { get; }

    public int HeadSize => HeadItems.Length;

    public static EaseModel Fit(TrainingData data, int headSize, float lambda, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = new int[data.ItemCount];
        for (var i = 0; i < data.ItemCount; i++)
        {
            counts[i] = data.ItemUsers.RowLength(i);
        }

        // Head: most rated items (ties by index), only items with at least one rating.
        var head = Enumerable.Range(0, data.ItemCount).Where(i => counts[i] > 0)
            .OrderByDescending(i => counts[i]).ThenBy(i => i).Take(headSize).ToArray();
        var n = head.Length;
        var position = new int[data.ItemCount];
        Array.Fill(position, -1);
        for (var p = 0; p < n; p++)
        {
            position[head[p]] = p;
        }

        var g = Gram(data.UserItems, position, n, maxParallelism);
        for (var p = 0; p < n; p++)
        {
            g[(p * n) + p] += lambda;
        }

        SpdInverse.InvertInPlace(g, n, maxParallelism);
        var diagonal = new float[n];
        for (var p = 0; p < n; p++)
        {
            diagonal[p] = g[(p * n) + p];
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

        return new EaseModel(data.ItemCount, head, g);
    }

    /// <summary>XᵀX over head items with binary X; each thread owns a band of rows so the sum is deterministic.</summary>
    private static float[] Gram(InteractionMatrix userItems, int[] position, int n, int maxParallelism)
    {
        var g = new float[(long)n * n];
        var bands = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, band =>
        {
            var lo = (int)((long)n * band / bands);
            var hi = (int)((long)n * (band + 1) / bands);
            var positions = new List<int>();
            for (var u = 0; u < userItems.Rows; u++)
            {
                positions.Clear();
                foreach (var item in userItems.RowColumns(u))
                {
                    if (position[item] >= 0)
                    {
                        positions.Add(position[item]);
                    }
                }

                foreach (var a in positions)
                {
                    if (a < lo || a >= hi)
                    {
                        continue;
                    }

                    var row = g.AsSpan(a * n, n);
                    foreach (var b in positions)
                    {
                        row[b] += 1f;
                    }
                }
            }
        });

        return g;
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
