using System.Numerics.Tensors;
using CineSync.Recommender.Models;
using CineSync.Recommender.Numerics;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Engine;

/// <content>
/// Group recommendation. Each member's ensemble scores become percentiles of their own ranking of the candidates,
/// which makes members comparable however differently their scores are spread; strategies aggregate percentiles.
/// The strategy's best candidates then get each member's predicted rating (<see cref="NeighbourRating"/>), and a title
/// some member is predicted to dislike goes after every title nobody is: the ensemble reads a 1★ as interest, so
/// percentiles alone would put comedies before a member who rated every comedy 1★.
/// </content>
public sealed partial class RecommenderEngine
{
    private const int BordaListLength = 100;
    private const float FairAcceptable = 0.5f;

    /// <summary>Candidates per requested title that get predicted ratings (the strategy's best ones).</summary>
    private const int PoolPerPick = 25;

    private const int MinPool = 250;

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
        var profiles = new UserProfile[members.Count];
        var scratch = Rent();
        Span<float> weights = stackalloc float[_ensemble.Models.Count];
        try
        {
            for (var m = 0; m < members.Count; m++)
            {
                var member = members[m];
                var profile = Profile(member.Ratings, member.Taste);
                profiles[m] = profile;
                ResolveWeights(member.ModelWeights, profile.Count > 0, weights);
                _ensemble.Score(profile, weights, scratch);
                percentiles[m] = (float[])scratch.Combined.Clone();

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

        var aggregate = request.Strategy == GroupStrategy.Fair ? Aggregate(GroupStrategy.Average, percentiles, candidate) : Aggregate(request.Strategy, percentiles, candidate);
        var pool = RankBy(aggregate, Math.Max(MinPool, request.Count * PoolPerPick)).Select(p => p.Item).ToArray();
        var predicted = profiles.Select(profile => Predict(profile, pool)).ToArray();
        var vetoed = new HashSet<int>();
        for (var p = 0; p < pool.Length; p++)
        {
            for (var m = 0; m < profiles.Length; m++)
            {
                if (profiles[m].Count > 0 && NeighbourRating.IsDislike(predicted[m][p], profiles[m].Ratings.Average()))
                {
                    vetoed.Add(pool[p]);
                    break;
                }
            }
        }

        var picks = request.Strategy == GroupStrategy.Fair
            ? FairAmongAcceptable(percentiles, pool, vetoed, request.Count)
            : [.. pool.Select(j => (Item: j, Score: aggregate[j])).OrderBy(p => vetoed.Contains(p.Item)).Take(request.Count)];
        var poolIndex = pool.Select((item, p) => (item, p)).ToDictionary(x => x.item, x => x.p);
        var result = picks.Select(p => new GroupPick(
            Bundle.Items[p.Item],
            p.Score,
            members.Select((member, m) => new MemberSatisfaction(member.MemberId, percentiles[m][p.Item], predicted[m][poolIndex[p.Item]])).ToArray())).ToArray();
        return new GroupRecommendationResult(result, request.Strategy, Bundle.Version);
    }

    /// <summary>Each member's predicted rating of every pool item.</summary>
    private float[] Predict(UserProfile profile, int[] pool)
    {
        var result = new float[pool.Length];
        var similarities = new float[profile.Count];
        for (var p = 0; p < pool.Length; p++)
        {
            for (var r = 0; r < profile.Count; r++)
            {
                similarities[r] = PredictionSimilarity(pool[p], profile.Items[r]);
            }

            result[p] = NeighbourRating.Predict(profile.Ratings, similarities, 0.5f, Bundle.Policy.MaxRating);
        }

        return result;
    }

    /// <summary>
    /// Similarity for rating prediction: collaborative (ALS cosine, clamped at 0) averaged with content when the bundle
    /// has content, so both "people who liked this liked that" and "same genre, same director" count.
    /// </summary>
    private float PredictionSimilarity(int a, int b)
    {
        var als = Bundle.Als;
        var collaborative = Math.Max(0f, TensorPrimitives.CosineSimilarity(als.Item(a), als.Item(b)));
        var content = Bundle.Content;
        return content.FeatureCount > 0 ? 0.5f * (collaborative + content.Similarity(a, b)) : collaborative;
    }

    /// <summary>Fair round robin over the pool, titles a member is predicted to dislike only when nothing else is left.</summary>
    private static List<(int Item, float Score)> FairAmongAcceptable(float[][] percentiles, int[] pool, HashSet<int> vetoed, int count)
    {
        var n = percentiles[0].Length;
        var acceptable = new float[n];
        Array.Fill(acceptable, float.NegativeInfinity);
        foreach (var j in pool.Where(j => !vetoed.Contains(j)))
        {
            acceptable[j] = 0f;
        }

        var picks = FairRoundRobin(percentiles, acceptable, count);
        foreach (var j in pool.Where(vetoed.Contains))
        {
            if (picks.Count >= count) { break; }
            picks.Add((j, Mean(percentiles, j)));
        }

        return picks;
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
