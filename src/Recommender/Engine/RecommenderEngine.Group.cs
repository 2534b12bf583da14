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
    /// <summary>Borda points go to each member's own top 10 (10 for their favourite, 1 for their 10th): a shortlist is short.</summary>
    private const int BordaListLength = 10;

    /// <summary>How many of their favourites left a member chooses from in their turn.</summary>
    private const int FairTurnChoices = 5;

    /// <summary>Least misery first lists only titles every member ranks at least this high among the candidates (their upper half).</summary>
    private const float AcceptablePercentile = 0.5f;

    /// <summary>Candidates per requested title that get predicted ratings (the strategy's best ones).</summary>
    private const int PoolPerPick = 25;

    private const int MinPool = 250;

    /// <summary>Each member's own favourites always in the pool.</summary>
    private const int OwnFavourites = 50;

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

        var utilities = percentiles.Select(p => Utilities(p, candidate)).ToArray();
        var aggregate = request.Strategy switch
        {
            GroupStrategy.Borda => Aggregate(GroupStrategy.Borda, percentiles, candidate),
            GroupStrategy.Fair => Aggregate(GroupStrategy.Average, utilities, candidate),
            GroupStrategy.Average => ExpectedWanting(utilities, candidate),
            _ => Aggregate(request.Strategy, utilities, candidate),
        };
        // The strategy's best, plus each member's own favourites (which a group mean can bury) for turn-taking strategies.
        var pool = RankBy(aggregate, Math.Max(MinPool, request.Count * PoolPerPick)).Select(p => p.Item)
            .Concat(utilities.SelectMany(u => RankBy(u, OwnFavourites).Select(p => p.Item)))
            .Distinct()
            .ToArray();
        var predicted = profiles.Select(profile => Predict(profile, pool)).ToArray();
        var vetoed = new HashSet<int>();
        for (var p = 0; p < pool.Length; p++)
        {
            for (var m = 0; m < profiles.Length; m++)
            {
                if (request.AvoidPredictedDislikes && profiles[m].Count > 0 && NeighbourRating.IsDislike(predicted[m][p], profiles[m].Ratings.Average()))
                {
                    vetoed.Add(pool[p]);
                    break;
                }
            }
        }

        var picks = request.Strategy switch
        {
            GroupStrategy.Fair => FairAmongAcceptable(percentiles, utilities, pool, vetoed, request.Count),
            GroupStrategy.LeastMisery => LeastMiseryList(percentiles, utilities, pool, vetoed, request.Count),
            _ => [.. pool.Select(j => (Item: j, Score: aggregate[j])).OrderBy(p => vetoed.Contains(p.Item)).Take(request.Count)],
        };
        var poolIndex = pool.Select((item, p) => (item, p)).ToDictionary(x => x.item, x => x.p);
        var result = picks.Select(p => new GroupPick(
            Bundle.Items[p.Item],
            p.Score,
            members.Select((member, m) => new MemberSatisfaction(member.MemberId, percentiles[m][p.Item], predicted[m][poolIndex[p.Item]])).ToArray())).ToArray();
        return new GroupRecommendationResult(result, request.Strategy, Bundle.Version);
    }

    /// <summary>
    /// List-level least misery: nobody should leave without something they want. Each next title maximises the chance
    /// that every member finds at least one title they want on the list, Πₘ (1 − Πⱼ (1 − qₘⱼ)), where qₘⱼ, the chance
    /// member m wants title j, falls with j's rank in m's own list: q = a·(rank+1)^−γ. A title wanted only by the member
    /// the list serves worst therefore beats a compromise the others already have covered. Only titles every member
    /// places in the upper half of their own list are considered first (nobody is made miserable); then the others;
    /// titles some member is predicted to dislike come only when nothing else is left.
    /// </summary>
    private static List<(int Item, float Score)> LeastMiseryList(float[][] percentiles, float[][] utilities, int[] pool, HashSet<int> vetoed, int count)
    {
        var members = utilities.Length;
        var candidates = utilities[0].Count(u => !float.IsNegativeInfinity(u));
        var missed = new double[members];
        Array.Fill(missed, 1.0);
        var taken = new HashSet<int>();
        var picks = new List<(int, float)>(count);
        for (var tier = 0; tier < 3; tier++)
        {
            while (picks.Count < count)
            {
                var best = -1;
                var bestValue = double.NegativeInfinity;
                foreach (var j in pool)
                {
                    if (taken.Contains(j) || Tier(percentiles, vetoed, j) != tier) { continue; }
                    double value = 0, mean = 0;
                    for (var m = 0; m < members; m++)
                    {
                        value += Math.Log(1 - (missed[m] * (1 - Wanted(utilities[m][j], candidates))));
                        mean += utilities[m][j];
                    }

                    value += 1e-6 * mean / members;
                    if (value > bestValue) { bestValue = value; best = j; }
                }

                if (best < 0) { break; }
                taken.Add(best);
                for (var m = 0; m < members; m++)
                {
                    missed[m] *= 1 - Wanted(utilities[m][best], candidates);
                }

                picks.Add((best, (float)Math.Exp(bestValue)));
            }
        }

        return picks;
    }

    /// <summary>0: every member places it in their upper half; 1: not predicted to be disliked; 2: predicted to be disliked.</summary>
    private static int Tier(float[][] percentiles, HashSet<int> vetoed, int item) =>
        vetoed.Contains(item) ? 2 : percentiles.All(p => p[item] >= AcceptablePercentile) ? 0 : 1;

    /// <summary>How many members are expected to want each candidate: Σₘ qₘⱼ; −∞ for non-candidates.</summary>
    private static float[] ExpectedWanting(float[][] utilities, float[] candidate)
    {
        var count = candidate.Count(c => !float.IsNegativeInfinity(c));
        var result = new float[candidate.Length];
        for (var j = 0; j < result.Length; j++)
        {
            if (float.IsNegativeInfinity(candidate[j])) { result[j] = float.NegativeInfinity; continue; }
            double sum = 0;
            foreach (var u in utilities) { sum += Wanted(u[j], count); }
            result[j] = (float)sum;
        }

        return result;
    }

    /// <summary>The chance a member wants a title, from its utility ln(C/(rank+1)): a·(rank+1)^−γ.</summary>
    private static double Wanted(float utility, int candidates) =>
        float.IsNegativeInfinity(utility) ? 0 : WantedAtTop * Math.Pow(candidates * Math.Exp(-utility), -GainDecay);

    /// <summary>γ: the chance of wanting a title halves from a member's 1st to 2nd favourite, again to the 4th, …</summary>
    private const double GainDecay = 1.0;

    /// <summary>a: the chance a member wants their very favourite candidate.</summary>
    private const double WantedAtTop = 0.5;

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
    private static List<(int Item, float Score)> FairAmongAcceptable(float[][] percentiles, float[][] utilities, int[] pool, HashSet<int> vetoed, int count)
    {
        var n = percentiles[0].Length;
        var acceptable = new float[n];
        Array.Fill(acceptable, float.NegativeInfinity);
        foreach (var j in pool.Where(j => !vetoed.Contains(j)))
        {
            acceptable[j] = 0f;
        }

        var picks = FairRoundRobin(percentiles, utilities, acceptable, count);
        foreach (var j in pool.Where(vetoed.Contains))
        {
            if (picks.Count >= count) { break; }
            picks.Add((j, Mean(percentiles, j)));
        }

        return picks;
    }

    /// <summary>
    /// A member's utility of each candidate: ln(C / (rank + 1)) for the candidate ranked rank-th (0 = best) of C — how many
    /// times over it beats the rest. Top-heavy where percentiles are flat: the member's 1st and 10th favourites differ
    /// as much as their 10th and 100th, which is how likely they are to watch them; −∞ for non-candidates.
    /// </summary>
    private static float[] Utilities(float[] percentiles, float[] candidate)
    {
        var count = 0;
        foreach (var c in candidate)
        {
            if (!float.IsNegativeInfinity(c)) { count++; }
        }

        var utilities = new float[percentiles.Length];
        for (var j = 0; j < utilities.Length; j++)
        {
            var rank = MathF.Round((1f - percentiles[j]) * (count - 1));
            utilities[j] = float.IsNegativeInfinity(candidate[j]) ? float.NegativeInfinity : MathF.Log(count / (rank + 1f));
        }

        return utilities;
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
    /// Fair turns: in each round every member chooses once, the one least likely so far to have found something they want
    /// first; a member chooses among their own few favourites left the one that also serves the others best (the
    /// chance that everyone finds something on the list, Πₘ (1 − Πⱼ (1 − qₘⱼ))). Every member's favourites are thus
    /// represented in turn, and a favourite the others like too beats one they don't.
    /// </summary>
    private static List<(int Item, float Score)> FairRoundRobin(float[][] percentiles, float[][] utilities, float[] candidate, int count)
    {
        var n = candidate.Length;
        var candidates = utilities[0].Count(u => !float.IsNegativeInfinity(u)); // all of them, not only the allowed ones
        var missed = new double[percentiles.Length];
        Array.Fill(missed, 1.0);
        var taken = new bool[n];
        var picks = new List<(int, float)>(count);
        var exhausted = false;
        while (picks.Count < count && !exhausted)
        {
            var order = Enumerable.Range(0, percentiles.Length).OrderByDescending(m => missed[m]).ThenBy(m => m).ToArray();
            foreach (var chooser in order)
            {
                if (picks.Count >= count) { break; }
                var best = Choose(utilities, candidate, taken, chooser, missed, candidates);
                if (best < 0) { exhausted = true; break; }
                taken[best] = true;
                picks.Add((best, Mean(percentiles, best)));
                for (var m = 0; m < percentiles.Length; m++)
                {
                    missed[m] *= 1 - Wanted(utilities[m][best], candidates);
                }
            }
        }

        return picks;
    }

    /// <summary>Among the chooser's <see cref="FairTurnChoices"/> favourites left, the one most likely to leave everyone with something.</summary>
    private static int Choose(float[][] utilities, float[] candidate, bool[] taken, int chooser, double[] missed, int candidates)
    {
        var own = Enumerable.Range(0, candidate.Length)
            .Where(j => !taken[j] && !float.IsNegativeInfinity(candidate[j]))
            .OrderByDescending(j => utilities[chooser][j])
            .Take(FairTurnChoices);
        var best = -1;
        var bestValue = double.NegativeInfinity;
        foreach (var j in own)
        {
            var value = 0.0;
            for (var m = 0; m < utilities.Length; m++)
            {
                value += Math.Log(1 - (missed[m] * (1 - Wanted(utilities[m][j], candidates))));
            }

            if (value > bestValue) { bestValue = value; best = j; }
        }

        return best;
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
