using CineSync.Recommender.Data;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Models;

/// <summary>
/// Item-based k-nearest neighbours: cosine similarity between items' user vectors (binary), with a shrinkage term in the
/// denominator, overlap / (√(nᵢ·nⱼ) + shrink), against noise from few co-ratings, keeping the top k neighbours per item. A user's score for
/// item j is Σ over rated items i of weight(i)·sim(i, j).
/// </summary>
internal sealed class ItemKnnModel : IScoringModel
{
    public ItemKnnModel(int[] pointers, int[] neighbours, float[] similarities, string name = "knn")
    {
        Name = name;
        Pointers = pointers;
        Neighbours = neighbours;
        Similarities = similarities;
    }

    /// <summary>"knn", or the name of another neighbourhood model stored in the same sparse form (e.g. "rp3b").</summary>
    public string Name { get; }

    /// <summary>CSR row pointers over items.</summary>
    public int[] Pointers { get; }

    /// <summary>Neighbour item indices, ascending within each row (binary-searchable).</summary>
    public int[] Neighbours { get; }

    public float[] Similarities { get; }

    public static ItemKnnModel Fit(TrainingData data, int neighbours, float shrink, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.ItemCount;
        var counts = RowCounts(data.ItemUsers);
        var rows = new (int[] Index, float[] Sim)[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        Parallel.For(0, n, options, () => new Scratch(n, neighbours), (i, _, s) =>
        {
            rows[i] = Neighbourhood(data, i, counts, shrink, s);
            return s;
        }, _ => { });

        return FromRows(rows, "knn");
    }

    /// <summary>Packs per-item neighbour rows (indices ascending) into CSR.</summary>
    internal static ItemKnnModel FromRows((int[] Index, float[] Sim)[] rows, string name)
    {
        var n = rows.Length;
        var pointers = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            pointers[i + 1] = pointers[i] + rows[i].Index.Length;
        }

        var index = new int[pointers[n]];
        var sims = new float[pointers[n]];
        for (var i = 0; i < n; i++)
        {
            rows[i].Index.CopyTo(index, pointers[i]);
            rows[i].Sim.CopyTo(sims, pointers[i]);
        }

        return new ItemKnnModel(pointers, index, sims, name);
    }

    public void Score(UserProfile user, Span<float> scores)
    {
        scores.Clear();
        for (var r = 0; r < user.Count; r++)
        {
            var w = user.Weights[r];
            var item = user.Items[r];
            var start = Pointers[item];
            var end = Pointers[item + 1];
            for (var k = start; k < end; k++)
            {
                scores[Neighbours[k]] += w * Similarities[k];
            }
        }
    }

    public void Explain(UserProfile user, int item, Span<float> contributions)
    {
        for (var r = 0; r < user.Count; r++)
        {
            contributions[r] = user.Weights[r] * Similarity(user.Items[r], item);
        }
    }

    /// <summary>sim(i, j) if j is among i's neighbours, else 0.</summary>
    public float Similarity(int i, int j)
    {
        var row = Neighbours.AsSpan(Pointers[i], Pointers[i + 1] - Pointers[i]);
        var at = row.BinarySearch(j);
        return at >= 0 ? Similarities[Pointers[i] + at] : 0f;
    }

    private static int[] RowCounts(InteractionMatrix m)
    {
        var counts = new int[m.Rows];
        for (var i = 0; i < m.Rows; i++)
        {
            counts[i] = m.RowLength(i);
        }

        return counts;
    }

    private static (int[] Index, float[] Sim) Neighbourhood(TrainingData data, int i, int[] counts, float shrink, Scratch s)
    {
        foreach (var u in data.ItemUsers.RowColumns(i))
        {
            foreach (var j in data.UserItems.RowColumns(u))
            {
                if (s.Overlap[j] == 0)
                {
                    s.Touched.Add(j);
                }

                s.Overlap[j]++;
            }
        }

        foreach (var j in s.Touched)
        {
            var overlap = s.Overlap[j];
            s.Overlap[j] = 0;
            s.Scores[j] = j == i ? float.NegativeInfinity : overlap / (MathF.Sqrt((float)counts[i] * counts[j]) + shrink);
        }

        var found = TopK.Select(s.Scores, s.Heap);
        var index = s.Heap.AsSpan(0, found).ToArray();
        Array.Sort(index);
        var sims = new float[found];
        for (var k = 0; k < found; k++)
        {
            sims[k] = s.Scores[index[k]];
        }

        foreach (var j in s.Touched)
        {
            s.Scores[j] = float.NegativeInfinity;
        }

        s.Touched.Clear();
        return (index, sims);
    }

    private sealed class Scratch
    {
        public Scratch(int items, int k)
        {
            Overlap = new int[items];
            Scores = new float[items];
            Array.Fill(Scores, float.NegativeInfinity);
            Heap = new int[k];
        }

        public int[] Overlap { get; }

        public float[] Scores { get; }

        public int[] Heap { get; }

        public List<int> Touched { get; } = [];
    }
}
