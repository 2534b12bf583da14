using CineSync.Recommender.Data;

namespace CineSync.Recommender.Models;

/// <summary>
/// XᵀX with binary X over the head of the catalogue: every item with at least one training interaction, the most
/// interacted first, capped at a size (a dense N×N float matrix: 20,000 items take 1.6 GB, 3,700 take 55 MB).
/// Computed once and shared by every closed-form model and λ tried on the same data.
/// </summary>
internal sealed class ItemGram
{
    private readonly float[] _values;

    private ItemGram(int itemCount, int[] headItems, float[] values)
    {
        ItemCount = itemCount;
        HeadItems = headItems;
        _values = values;
    }

    public int ItemCount { get; }

    public int[] HeadItems { get; }

    public int Size => HeadItems.Length;

    /// <summary>Training interactions (sum of the diagonal), used to scale regularisation with data size.</summary>
    public double Interactions { get; private init; }

    public float[] Copy() => (float[])_values.Clone();

    public static ItemGram Create(TrainingData data, int headSize, int maxParallelism = -1)
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

        var g = new float[(long)n * n];
        var bands = Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var userItems = data.UserItems;

        // Each thread owns a band of rows so that the sum is deterministic.
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

                    var row = g.AsSpan((int)((long)a * n), n);
                    foreach (var b in positions)
                    {
                        row[b] += 1f;
                    }
                }
            }
        });

        return new ItemGram(data.ItemCount, head, g) { Interactions = head.Sum(i => (double)counts[i]) };
    }
}
