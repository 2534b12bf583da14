using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Engine;

/// <content>
/// Group recommendation. Each member's ensemble scores become percentiles of their own ranking of the candidates,
/// which makes members comparable however differently their scores are spread; strategies aggregate percentiles.
/// </content>
public sealed partial class RecommenderEngine
{
    private const int BordaListLength = 100;
    private const float FairAcceptable = 0.5f;

    /// <summary>Ranks items for a group with the requested strategy; every member's predicted satisfaction is included.</summary>
    public GroupRecommendationResult RecommendGroup(GroupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Members.Count == 0)
        {
            throw new ArgumentException("A group needs at least one member.", nameof(request));
        }

        var n = Bundle.ItemCount;
        var members = request.Members;
        var candidate = new float[n];
        var percentiles = new float[members.Count][];
        var sortedRatings = new float[members.Count][];
        var scratch = Rent();
        Span<float> weights = stackalloc float[_ensemble.Models.Count];
        try
        {
            for (var m = 0; m < members.Count; m++)
            {
                var member = members[m];
                var profile = Profile(member.Ratings, member.Taste);
                ResolveWeights(member.ModelWeights, profile.Count > 0, weights);
                _ensemble.Score(profile, weights, scratch);
                percentiles[m] = (float[])scratch.Combined.Clone();
                sortedRatings[m] = [.. member.Ratings.Select(r => r.Value).Order()];

                // Anything a member has rated is excluded for the whole group.
                ExcludeAndFilter(candidate, profile.Items, request.Exclude, request.Filter);
            }
        }
        finally
        {
            _scratch.Add(scratch);
        }

        foreach (var p in percentiles)
        {
            ToPercentiles(p, candidate);
        }

        var picks = request.Strategy == GroupStrategy.Fair
            ? FairRoundRobin(percentiles, candidate, request.Count)
            : RankBy(Aggregate(request.Strategy, percentiles, candidate), request.Count);
        var result = picks.Select(p => new GroupPick(
            Bundle.Items[p.Item],
            p.Score,
            members.Select((member, m) => new MemberSatisfaction(member.MemberId, percentiles[m][p.Item], PredictedRating(sortedRatings[m], percentiles[m][p.Item]))).ToArray())).ToArray();
        return new GroupRecommendationResult(result, request.Strategy, Bundle.Version);
    }

    /// <summary>Replaces scores by their percentile among candidates (0 = worst, 1 = best); non-candidates get −∞.</summary>
    private static void ToPercentiles(float[] scores, float[] candidate)
    {
        var order = Enumerable.Range(0, scores.Length).Where(j => !float.IsNegativeInfinity(candidate[j])).ToArray();
        var keys = order.Select(j => scores[j]).ToArray();
        Array.Sort(keys, order);
        Array.Fill(scores, float.NegativeInfinity);
        for (var rank = 0; rank < order.Length; rank++)
        {
            scores[order[rank]] = order.Length == 1 ? 1f : (float)rank / (order.Length - 1);
        }
    }

    private static float[] Aggregate(GroupStrategy strategy, float[][] percentiles, float[] candidate)
    {
        var n = candidate.Length;
        var result = new float[n];
        if (strategy == GroupStrategy.Borda)
        {
            // Each member awards L points to their favourite, L−1 to the next, … over their own top L.
            Array.Fill(result, 0f);
            Span<int> top = stackalloc int[BordaListLength];
            foreach (var p in percentiles)
            {
                var found = TopK.Select(p, top);
                for (var rank = 0; rank < found; rank++)
                {
                    result[top[rank]] += BordaListLength - rank;
                }
            }

            // Ties (e.g. nobody listed it) are broken by the mean percentile.
            for (var j = 0; j < n; j++)
            {
                result[j] = float.IsNegativeInfinity(candidate[j]) ? float.NegativeInfinity : result[j] + Mean(percentiles, j);
            }

            return result;
        }

        for (var j = 0; j < n; j++)
        {
            if (float.IsNegativeInfinity(candidate[j]))
            {
                result[j] = float.NegativeInfinity;
                continue;
            }

            var mean = Mean(percentiles, j);
            result[j] = strategy == GroupStrategy.LeastMisery ? Min(percentiles, j) + (0.001f * mean) : mean;
        }

        return result;
    }

    private static List<(int Item, float Score)> RankBy(float[] scores, int count)
    {
        Span<int> top = count <= 256 ? stackalloc int[count] : new int[count];
        var found = TopK.Select(scores, top);
        var list = new List<(int, float)>(found);
        for (var i = 0; i < found; i++)
        {
            list.Add((top[i], scores[top[i]]));
        }

        return list;
    }

    /// <summary>
    /// Fairness-aware round robin: in each round every member chooses once, the least satisfied so far first; a member
    /// chooses their favourite among titles every member ranks at or above their own median (the floor is relaxed
    /// only when none is left). Each member's top acceptable picks are thus represented in proportion.
    /// </summary>
    private static List<(int Item, float Score)> FairRoundRobin(float[][] percentiles, float[] candidate, int count)
    {
        var n = candidate.Length;
        var satisfaction = new double[percentiles.Length];
        var taken = new bool[n];
        var picks = new List<(int, float)>(count);
        var exhausted = false;
        while (picks.Count < count && !exhausted)
        {
            var order = Enumerable.Range(0, percentiles.Length).OrderBy(m => satisfaction[m]).ThenBy(m => m).ToArray();
            foreach (var chooser in order)
            {
                if (picks.Count >= count) { break; }
                var best = Choose(percentiles, candidate, taken, chooser);
                if (best < 0) { exhausted = true; break; }
                taken[best] = true;
                picks.Add((best, Mean(percentiles, best)));
                for (var m = 0; m < percentiles.Length; m++)
                {
                    satisfaction[m] += percentiles[m][best];
                }
            }
        }

        return picks;
    }

    private static int Choose(float[][] percentiles, float[] candidate, bool[] taken, int chooser)
    {
        for (var floor = FairAcceptable; floor >= 0f; floor -= 0.25f)
        {
            var best = -1;
            var bestValue = float.NegativeInfinity;
            for (var j = 0; j < candidate.Length; j++)
            {
                if (taken[j] || float.IsNegativeInfinity(candidate[j]) || Min(percentiles, j) < floor) { continue; }
                var value = percentiles[chooser][j] + (0.001f * Mean(percentiles, j));
                if (value > bestValue) { bestValue = value; best = j; }
            }

            if (best >= 0) { return best; }
        }

        return -1;
    }

    private static float PredictedRating(float[] sortedRatings, float percentile)
    {
        if (sortedRatings.Length == 0) { return 3.5f; }
        var position = percentile * (sortedRatings.Length - 1);
        var lo = (int)MathF.Floor(position);
        var hi = Math.Min(sortedRatings.Length - 1, lo + 1);
        return sortedRatings[lo] + ((position - lo) * (sortedRatings[hi] - sortedRatings[lo]));
    }

    private static float Mean(float[][] percentiles, int j)
    {
        var s = 0f;
        foreach (var p in percentiles) { s += p[j]; }
        return s / percentiles.Length;
    }

    private static float Min(float[][] percentiles, int j)
    {
        var s = float.PositiveInfinity;
        foreach (var p in percentiles) { s = Math.Min(s, p[j]); }
        return s;
    }
}
