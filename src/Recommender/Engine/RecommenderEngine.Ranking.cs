using System.Buffers;
using System.Numerics.Tensors;
using CineSync.Recommender.Models;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Engine;

/// <content>Selection (top-k or MMR), per-model contributions and explanations.</content>
public sealed partial class RecommenderEngine
{
    private const int MmrPoolFactor = 5;

    /// <summary>Similarity of two items for diversity: content vectors when the bundle has them, else ALS cosine.</summary>
    internal float ItemSimilarity(int a, int b)
    {
        var content = Bundle.Content;
        if (content.FeatureCount > 0)
        {
            return content.Similarity(a, b);
        }

        var als = Bundle.Als;
        return TensorPrimitives.CosineSimilarity(als.Item(a), als.Item(b));
    }

    private int[] Select(ReadOnlySpan<float> scores, int count, float diversity)
    {
        count = Math.Max(0, count);
        if (diversity <= 0f)
        {
            Span<int> top = count <= 256 ? stackalloc int[count] : new int[count];
            return top[..TopK.Select(scores, top)].ToArray();
        }

        // MMR (Carbonell & Goldstein 1998) over a pool of the best candidates: repeatedly take the item maximising
        // (1−d)·relevance − d·(max similarity to what is already chosen), relevance min-max scaled over the pool.
        var pool = new int[Math.Max(count * MmrPoolFactor, 50)];
        var found = TopK.Select(scores, pool);
        if (found == 0)
        {
            return [];
        }

        var best = scores[pool[0]];
        var worst = scores[pool[found - 1]];
        var range = best - worst > 1e-9f ? best - worst : 1f;
        var chosen = new List<int>(count);
        var maxSimilarity = new float[found];
        var taken = new bool[found];
        while (chosen.Count < Math.Min(count, found))
        {
            var pick = -1;
            var pickValue = float.NegativeInfinity;
            for (var c = 0; c < found; c++)
            {
                if (taken[c]) { continue; }
                var value = ((1f - diversity) * (scores[pool[c]] - worst) / range) - (diversity * maxSimilarity[c]);
                if (value > pickValue) { pickValue = value; pick = c; }
            }

            taken[pick] = true;
            chosen.Add(pool[pick]);
            for (var c = 0; c < found; c++)
            {
                if (!taken[c])
                {
                    maxSimilarity[c] = Math.Max(maxSimilarity[c], ItemSimilarity(pool[c], pool[pick]));
                }
            }
        }

        return [.. chosen];
    }

    private Recommendation Describe(int item, UserProfile profile, ReadOnlySpan<float> weights, EnsembleScratch scratch, int explanations)
    {
        var contributions = new Dictionary<string, float>(_ensemble.Models.Count);
        var total = 0f;
        for (var m = 0; m < _ensemble.Models.Count; m++)
        {
            if (scratch.Used[m])
            {
                var share = weights[m] * scratch.ModelScores[m][item];
                contributions[_ensemble.Models[m].Name] = share;
                total += share;
            }
        }

        var because = explanations > 0 && profile.Count > 0 ? Explain(item, profile, scratch, explanations) : [];
        return new Recommendation(Bundle.Items[item], total, contributions, because);
    }

    /// <summary>
    /// Each rated item's contribution to the blended score: Σₘ (wₘ/σₘ)·(its additive term in model m's raw score).
    /// Returns the strongest positive ones with their share of all positive contributions.
    /// </summary>
    private Because[] Explain(int item, UserProfile profile, EnsembleScratch scratch, int count)
    {
        var n = profile.Count;
        var total = ArrayPool<float>.Shared.Rent(n);
        var term = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var sum = total.AsSpan(0, n);
            RatedContributions(item, profile, scratch, sum, term.AsSpan(0, n));
            var positive = 0f;
            foreach (var v in sum)
            {
                if (v > 0) { positive += v; }
            }

            Span<int> top = stackalloc int[Math.Min(count, n)];
            var found = TopK.Select(sum, top);
            var result = new List<Because>(found);
            for (var i = 0; i < found && sum[top[i]] > 0; i++)
            {
                var r = top[i];
                result.Add(new Because(Bundle.Items[profile.Items[r]], profile.Ratings[r], sum[r] / positive));
            }

            return [.. result];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(total);
            ArrayPool<float>.Shared.Return(term);
        }
    }

    /// <summary>Writes each rated item's signed contribution to the blended score of <paramref name="item"/> into <paramref name="sum"/>.</summary>
    private void RatedContributions(int item, UserProfile profile, EnsembleScratch scratch, Span<float> sum, Span<float> term)
    {
        sum.Clear();
        for (var m = 0; m < _ensemble.Models.Count; m++)
        {
            if (!scratch.Used[m] || scratch.Scale[m] == 0f) { continue; }
            _ensemble.Models[m].Explain(profile, item, term);
            TensorPrimitives.MultiplyAdd(term, scratch.Scale[m], sum, sum);
        }
    }
}
