using System.Diagnostics;
using CineSync.Recommender.Data;
using CineSync.Recommender.Models;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Evaluation;

/// <summary>Full-ranking evaluation of a scorer over the users of a training set against held-out ratings.</summary>
internal sealed class Evaluator
{
    private readonly TrainingData _train;
    private readonly EvaluationOptions _options;
    private readonly int[] _users;
    private readonly HashSet<int>[] _relevant;
    private readonly HashSet<int>[] _testItems;
    private readonly int[] _itemCounts;

    public Evaluator(TrainingData train, IReadOnlyList<RatingRecord> test, EvaluationOptions options, RatingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        _train = train;
        _options = options;
        Policy = policy;
        var relevant = new Dictionary<int, HashSet<int>>();
        var tested = new Dictionary<int, HashSet<int>>();
        var unknown = 0;
        foreach (var r in test)
        {
            var user = train.Users.IndexOf(r.UserId);
            if (user < 0 || train.UserItems.RowLength(user) == 0)
            {
                continue; // no history to recommend from
            }

            // An item never seen in training cannot be ranked, but still counts as relevant (honest recall).
            var item = train.Items.IndexOf(r.ItemId);
            if (item < 0) { item = -1 - unknown++; }
            Get(tested, user).Add(item);
            if (options.RelevanceThreshold is not { } t || r.Value >= t)
            {
                Get(relevant, user).Add(item);
            }
        }

        var users = relevant.Keys.Order().ToArray();
        if (options.MaxUsers > 0 && users.Length > options.MaxUsers)
        {
            var all = users;
            var sampled = Enumerable.Range(0, options.MaxUsers).Select(i => all[(int)((long)i * all.Length / options.MaxUsers)]).ToArray();
            users = options.UnsampledUsers ? all.Except(sampled).ToArray() : sampled;
        }
        else if (options.UnsampledUsers)
        {
            users = [];
        }

        _users = users;
        _relevant = users.Select(u => relevant[u]).ToArray();
        _testItems = users.Select(u => tested[u]).ToArray();
        _itemCounts = new int[train.ItemCount];
        for (var i = 0; i < train.ItemCount; i++)
        {
            _itemCounts[i] = train.ItemUsers.RowLength(i);
        }
    }

    /// <summary>How training ratings become profiles; may be changed between evaluations (tuning).</summary>
    public RatingPolicy Policy { get; set; }

    public int UserCount => _users.Length;

    /// <summary>Training indices of the evaluated users.</summary>
    public IReadOnlyList<int> Users => _users;

    /// <summary>Cut-off of the top-K metrics.</summary>
    public int K => _options.K;

    /// <summary>Relevant held-out items of the <paramref name="index"/>-th evaluated user (negative = unknown to training).</summary>
    public IReadOnlySet<int> Relevant(int index) => _relevant[index];

    public UserProfile Profile(int user)
    {
        var row = _train.UserItems;
        return UserProfile.Create(row.RowColumns(user), row.RowValues(user), Policy, row.RowTimestamps(user));
    }

    /// <summary>
    /// Evaluates <paramref name="score"/> (thread-safe; receives the training user index) and returns averaged metrics.
    /// <paramref name="topLists"/>, when given, receives each evaluated user's top K (training user index, dense item
    /// indices best first) in user order after scoring.
    /// </summary>
    public MetricSet Evaluate(Action<int, UserProfile, Span<float>> score, Func<int, int, float> similarity, Action<int, int[]>? topLists = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        var n = _train.ItemCount;
        var k = _options.K;
        var results = new UserResult[_users.Length];
        Parallel.For(0, _users.Length, () => (Scores: new float[n], Excluded: new bool[n], Top: new int[k]), (index, _, s) =>
        {
            var user = _users[index];
            var profile = Profile(user);
            var watch = Stopwatch.StartNew();
            score(user, profile, s.Scores);
            watch.Stop();
            foreach (var item in profile.Items)
            {
                s.Excluded[item] = true;
            }

            results[index] = Measure(index, profile, s.Scores, s.Excluded, s.Top, similarity, watch.Elapsed.TotalMicroseconds);
            foreach (var item in profile.Items)
            {
                s.Excluded[item] = false;
            }

            return s;
        }, _ => { });

        if (topLists is not null)
        {
            for (var index = 0; index < results.Length; index++)
            {
                topLists(_users[index], results[index].Top);
            }
        }

        return Aggregate(results, n);
    }

    private UserResult Measure(int index, UserProfile profile, float[] scores, bool[] excluded, int[] top, Func<int, int, float> similarity, double micros)
    {
        var relevant = _relevant[index];
        var ranked = new float[scores.Length];
        scores.CopyTo(ranked, 0);
        foreach (var item in profile.Items)
        {
            ranked[item] = float.NegativeInfinity;
        }

        var count = TopK.Select(ranked, top);
        var list = top.AsSpan(0, count);
        double? sampledHr = null, sampledNdcg = null;
        if (_options.Sampled)
        {
            (sampledHr, sampledNdcg) = Sampled(_users[index], index, scores, excluded);
        }

        return new UserResult(
            RankingMetrics.Recall(list, relevant),
            RankingMetrics.Ndcg(list, relevant, _options.K),
            RankingMetrics.HitRate(list, relevant),
            RankingMetrics.ReciprocalRank(RankingMetrics.FirstRelevantRank(scores, relevant, excluded)),
            RankingMetrics.IntraListDiversity(list, similarity),
            RankingMetrics.Novelty(list, _itemCounts, _train.UserCount),
            list.ToArray(),
            sampledHr,
            sampledNdcg,
            micros);
    }

    /// <summary>NCF protocol: each reachable relevant item against N negatives the user never rated, seeded per user.</summary>
    private (double Hr, double Ndcg) Sampled(int user, int index, float[] scores, bool[] excluded)
    {
        // Not HashCode.Combine: it is randomised per process, and runs must be reproducible.
        var random = new Random(unchecked((_options.Seed * 1_000_003) + user));
        double hr = 0, ndcg = 0;
        var positives = 0;
        var n = scores.Length;
        var pool = n - _testItems[index].Count(i => i >= 0);
        for (var j = 0; j < n; j++)
        {
            if (excluded[j] && !_testItems[index].Contains(j)) { pool--; }
        }

        if (pool < 1)
        {
            return (0, 0); // the user has rated every item: nothing to sample
        }

        foreach (var positive in _relevant[index].Order())
        {
            if (positive < 0) { positives++; continue; }
            var better = 0;
            for (var s = 0; s < _options.SampledNegatives; s++)
            {
                int negative;
                do { negative = random.Next(n); }
                while (excluded[negative] || _testItems[index].Contains(negative));
                if (scores[negative] >= scores[positive]) { better++; }
            }

            positives++;
            if (better < _options.K)
            {
                hr += 1;
                ndcg += 1 / Math.Log2(better + 2);
            }
        }

        return positives == 0 ? (0, 0) : (hr / positives, ndcg / positives);
    }

    private MetricSet Aggregate(UserResult[] results, int items)
    {
        var covered = new HashSet<int>();
        double recall = 0, ndcg = 0, hr = 0, mrr = 0, ild = 0, novelty = 0, shr = 0, sndcg = 0;
        foreach (var r in results)
        {
            recall += r.Recall; ndcg += r.Ndcg; hr += r.HitRate; mrr += r.Mrr; ild += r.Diversity; novelty += r.Novelty;
            shr += r.SampledHr ?? 0; sndcg += r.SampledNdcg ?? 0;
            covered.UnionWith(r.Top);
        }

        var u = Math.Max(1, results.Length);
        var latency = results.Select(r => r.Micros).Order().ElementAtOrDefault(results.Length / 2);
        return new MetricSet(results.Length, recall / u, ndcg / u, hr / u, mrr / u, (double)covered.Count / Math.Max(1, items),
            ild / u, novelty / u, _options.Sampled ? shr / u : null, _options.Sampled ? sndcg / u : null, latency);
    }

    private static HashSet<int> Get(Dictionary<int, HashSet<int>> map, int key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        return set;
    }

    private sealed record UserResult(double Recall, double Ndcg, double HitRate, double Mrr, double Diversity, double Novelty, int[] Top, double? SampledHr, double? SampledNdcg, double Micros);
}
