using CineSync.Recommender.Data;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Models;

/// <summary>
/// RP3β (Paudel et al. 2017; tuned form of Dacrema et al. 2019): a three-step random walk item → user → item on the
/// interaction graph, each transition probability raised to α, the arrival item's degree divided out to the power β
/// against popularity bias: W(i, j) = Σᵤ (1/deg i)^α (1/deg u)^α / (deg j)^β over users u who have both.
/// The top k neighbours per item are kept and each row is scaled to sum to 1 (so every rated item has the same say,
/// which measured better on validation than raw rows); a user's score for j is Σ over their items i of
/// weight(i)·W(i, j), stored and served in the same sparse form as item-kNN.
/// </summary>
internal static class Rp3BetaModel
{
    public const string Name = "rp3b";

    public static ItemKnnModel Fit(TrainingData data, float alpha, float beta, int neighbours, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.ItemCount;
        var userWeight = new float[data.UserCount];
        for (var u = 0; u < userWeight.Length; u++)
        {
            var degree = data.UserItems.RowLength(u);
            userWeight[u] = degree == 0 ? 0f : MathF.Pow(degree, -alpha);
        }

        var arrival = new float[n];
        var departure = new float[n];
        for (var j = 0; j < n; j++)
        {
            var degree = data.ItemUsers.RowLength(j);
            arrival[j] = degree == 0 ? 0f : MathF.Pow(degree, -beta);
            departure[j] = degree == 0 ? 0f : MathF.Pow(degree, -alpha);
        }

        var rows = new (int[] Index, float[] Sim)[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, () => new Scratch(n, neighbours), (i, _, s) =>
        {
            foreach (var u in data.ItemUsers.RowColumns(i))
            {
                var w = userWeight[u];
                foreach (var j in data.UserItems.RowColumns(u))
                {
                    if (s.Sum[j] == 0f)
                    {
                        s.Touched.Add(j);
                    }

                    s.Sum[j] += w;
                }
            }

            foreach (var j in s.Touched)
            {
                s.Scores[j] = j == i ? float.NegativeInfinity : departure[i] * s.Sum[j] * arrival[j];
                s.Sum[j] = 0f;
            }

            var found = TopK.Select(s.Scores, s.Heap);
            var index = s.Heap.AsSpan(0, found).ToArray();
            Array.Sort(index);
            var sims = new float[found];
            var total = 0f;
            for (var k = 0; k < found; k++)
            {
                sims[k] = s.Scores[index[k]];
                total += sims[k];
            }

            if (total > 0f)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(sims, total, sims);
            }

            foreach (var j in s.Touched)
            {
                s.Scores[j] = float.NegativeInfinity;
            }

            s.Touched.Clear();
            rows[i] = (index, sims);
            return s;
        }, _ => { });

        return ItemKnnModel.FromRows(rows, Name);
    }

    private sealed class Scratch
    {
        public Scratch(int items, int k)
        {
            Sum = new float[items];
            Scores = new float[items];
            Array.Fill(Scores, float.NegativeInfinity);
            Heap = new int[k];
        }

        public float[] Sum { get; }

        public float[] Scores { get; }

        public int[] Heap { get; }

        public List<int> Touched { get; } = [];
    }
}
