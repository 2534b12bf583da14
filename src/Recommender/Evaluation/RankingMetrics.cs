namespace CineSync.Recommender.Evaluation;

/// <summary>Per-user ranking metrics with binary relevance, as defined in the evaluation protocol.</summary>
internal static class RankingMetrics
{
    /// <summary>Hits in the top K ÷ the user's number of relevant items.</summary>
    public static double Recall(ReadOnlySpan<int> topK, IReadOnlySet<int> relevant)
        => relevant.Count == 0 ? 0 : (double)Hits(topK, relevant) / relevant.Count;

    /// <summary>1 if any relevant item is in the top K.</summary>
    public static double HitRate(ReadOnlySpan<int> topK, IReadOnlySet<int> relevant) => Hits(topK, relevant) > 0 ? 1 : 0;

    /// <summary>DCG with gain 1/log2(rank+1) over the top K ÷ ideal DCG over min(K, relevant) positions.</summary>
    public static double Ndcg(ReadOnlySpan<int> topK, IReadOnlySet<int> relevant, int k)
    {
        if (relevant.Count == 0) { return 0; }

        var dcg = 0.0;
        for (var i = 0; i < topK.Length && i < k; i++)
        {
            if (relevant.Contains(topK[i]))
            {
                dcg += 1.0 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            ideal += 1.0 / Math.Log2(i + 2);
        }

        return dcg / ideal;
    }

    /// <summary>Reciprocal of the 1-based rank of the first relevant item in the full ranking; 0 if none is ranked.</summary>
    public static double ReciprocalRank(int firstRelevantRank) => firstRelevantRank <= 0 ? 0 : 1.0 / firstRelevantRank;

    /// <summary>
    /// 1-based rank, among the candidates (not excluded), of the best-scored relevant item; ties count against it.
    /// Returns 0 when no relevant item is a candidate.
    /// </summary>
    public static int FirstRelevantRank(ReadOnlySpan<float> scores, IReadOnlySet<int> relevant, ReadOnlySpan<bool> excluded)
    {
        var best = float.NegativeInfinity;
        var bestItem = -1;
        foreach (var r in relevant)
        {
            if (r >= 0 && r < scores.Length && !excluded[r] && (bestItem < 0 || scores[r] > best))
            {
                best = scores[r];
                bestItem = r;
            }
        }

        if (bestItem < 0) { return 0; }

        var rank = 1;
        for (var j = 0; j < scores.Length; j++)
        {
            if (j != bestItem && !excluded[j] && scores[j] >= best && !(scores[j] == best && j > bestItem))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>Mean pairwise dissimilarity (1 − similarity) of a list.</summary>
    public static double IntraListDiversity(ReadOnlySpan<int> items, Func<int, int, float> similarity)
    {
        if (items.Length < 2) { return 0; }

        var sum = 0.0;
        var pairs = 0;
        for (var a = 0; a < items.Length; a++)
        {
            for (var b = a + 1; b < items.Length; b++)
            {
                sum += 1 - similarity(items[a], items[b]);
                pairs++;
            }
        }

        return sum / pairs;
    }

    /// <summary>Mean self-information −log2(popularity share) of the recommended items.</summary>
    public static double Novelty(ReadOnlySpan<int> items, int[] itemCounts, int users)
    {
        if (items.IsEmpty) { return 0; }

        var sum = 0.0;
        foreach (var i in items)
        {
            sum += -Math.Log2((itemCounts[i] + 1.0) / (users + 1.0));
        }

        return sum / items.Length;
    }

    private static int Hits(ReadOnlySpan<int> topK, IReadOnlySet<int> relevant)
    {
        var hits = 0;
        foreach (var i in topK)
        {
            if (relevant.Contains(i)) { hits++; }
        }

        return hits;
    }
}
