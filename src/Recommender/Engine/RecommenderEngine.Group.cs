using System.Numerics.Tensors;
using CineSync.Recommender.Models;
using CineSync.Recommender.Numerics;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Engine;

/// <content>
/// Group recommendation. Each member's ensemble scores rank the candidates in the member's own list, exactly as their
/// personal recommendations would; a title's rank in a member's list gives the chance it is relevant to them
/// (<see cref="GroupRelevance"/>), which makes members comparable however differently their scores are spread, and
/// strategies build the list from those chances (<see cref="GroupLists"/>). Candidates then get each member's predicted
/// rating (<see cref="NeighbourRating"/>), and a title some member is predicted to dislike goes after every title nobody
/// is: the ensemble reads a 1★ as interest, so ranks alone would put comedies before a member who rated every comedy 1★.
/// </content>
public sealed partial class RecommenderEngine
{
    /// <summary>Candidates per requested title that get predicted ratings (the strategies' best ones).</summary>
    private const int PoolPerPick = 25;

    private const int MinPool = 250;

    /// <summary>Each member's own favourites always in the pool.</summary>
    private const int OwnFavourites = 50;

    /// <summary>
    /// The chance a title is relevant to a member given its rank in their own list; <see cref="RelevanceCurve.Prior"/> unless
    /// calibrated (<see cref="RelevanceCalibration"/>) on a validation split of the ratings the bundle was trained on.
    /// </summary>
    public RelevanceCurve GroupRelevance { get; init; } = RelevanceCurve.Prior;

    /// <summary>Ranks items for a group with the requested strategy; every member's predicted satisfaction is included.</summary>
    public GroupRecommendationResult RecommendGroup(GroupRequest request) => RecommendGroup(request, [request?.Strategy ?? default])[0];

    /// <summary>One ranking per strategy for the same group, the members scored once (offline evaluation).</summary>
    internal GroupRecommendationResult[] RecommendGroup(GroupRequest request, IReadOnlyList<GroupStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Members.Count == 0)
        {
            throw new ArgumentException("A group needs at least one member.", nameof(request));
        }

        var members = request.Members;
        var profiles = new UserProfile[members.Count];
        var percentiles = Score(request, profiles);
        var group = new GroupPreferences(percentiles, [.. profiles.Select(p => p.Count)], GroupRelevance, request.Count);
        var meanGain = Enumerable.Range(0, Bundle.ItemCount).Select(group.MeanGain).ToArray();
        var borda = GroupLists.BordaPoints(group);

        // The strategies' best, plus each member's own favourites (which a group mean can bury) for turn-taking strategies.
        var poolSize = Math.Max(MinPool, request.Count * PoolPerPick);
        var pool = RankBy(meanGain, poolSize)
            .Concat(RankBy(borda, poolSize))
            .Concat(percentiles.SelectMany(p => RankBy(p, OwnFavourites)))
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

        var poolIndex = pool.Select((item, p) => (item, p)).ToDictionary(x => x.item, x => x.p);
        return [.. strategies.Select(strategy =>
        {
            var picks = strategy switch
            {
                GroupStrategy.Fair => GroupLists.Fair(group, pool, vetoed, request.Count),
                GroupStrategy.LeastMisery => GroupLists.LeastMisery(group, pool, vetoed, request.Count),
                GroupStrategy.Borda => GroupLists.ByScore(pool, j => borda[j], vetoed, request.Count),
                _ => GroupLists.ByScore(pool, j => meanGain[j], vetoed, request.Count),
            };

            // Whatever the strategy, every member finds a fair share of titles from their own top list, so a member whose
            // tastes differ from the others' is not left out: a list that serves the many but misses one misses the group.
            var eligible = strategy == GroupStrategy.LeastMisery ? GroupLists.Acceptable(group, pool, vetoed) : pool.Where(j => !vetoed.Contains(j));
            picks = GroupLists.Covering(group, picks, eligible, Math.Max(1, request.Count / members.Count));
            var result = picks.Select(p => new GroupPick(
                Bundle.Items[p.Item],
                p.Score,
                members.Select((member, m) => new MemberSatisfaction(member.MemberId, percentiles[m][p.Item], predicted[m][poolIndex[p.Item]])).ToArray())).ToArray();
            return new GroupRecommendationResult(result, strategy, Bundle.Version);
        })];
    }

    /// <summary>
    /// Each member's percentile of every candidate in their own ranking, scored with the same weights as their personal
    /// list; anything a member has rated is excluded for the whole group.
    /// </summary>
    private float[][] Score(GroupRequest request, UserProfile[] profiles)
    {
        var candidate = new float[Bundle.ItemCount];
        var percentiles = new float[profiles.Length][];
        var scratch = Rent();
        Span<float> weights = stackalloc float[_ensemble.Models.Count];
        try
        {
            for (var m = 0; m < profiles.Length; m++)
            {
                var member = request.Members[m];
                var profile = Profile(member.Ratings, member.Taste);
                profiles[m] = profile;
                ResolveWeights(member.ModelWeights, profile.Count > 0, weights, profile.Count);
                _ensemble.Score(profile, weights, scratch);
                percentiles[m] = (float[])scratch.Combined.Clone();
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

        return percentiles;
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

    private static int[] RankBy(double[] scores, int count) =>
        [.. Enumerable.Range(0, scores.Length).Where(j => !double.IsNegativeInfinity(scores[j])).OrderByDescending(j => scores[j]).ThenBy(j => j).Take(count)];

    private static int[] RankBy(float[] scores, int count)
    {
        Span<int> top = count <= 256 ? stackalloc int[count] : new int[count];
        var found = TopK.Select(scores, top);
        return top[..found].ToArray();
    }
}
