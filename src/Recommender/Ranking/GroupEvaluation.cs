using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Evaluation;

namespace CineSync.Recommender.Ranking;

/// <summary>How the groups of one row were formed.</summary>
public enum GroupKind
{
    /// <summary>Test users drawn at random.</summary>
    Random,

    /// <summary>A random test user and the test users whose taste vectors are closest to theirs.</summary>
    Similar,
}

/// <summary>One strategy's figures on one kind and size of group.</summary>
/// <param name="Kind">How the groups were formed.</param>
/// <param name="Size">Members per group.</param>
/// <param name="Groups">Groups evaluated.</param>
/// <param name="Strategy">A group strategy, or "baseline" (members' personal lists merged).</param>
/// <param name="MeanNdcg">Mean over groups of the members' mean NDCG@K.</param>
/// <param name="MinNdcg">Mean over groups of the least served member's NDCG@K.</param>
/// <param name="MinVsBaseline">The least served member's NDCG@K minus the baseline's, paired per group (zero for the baseline).</param>
public sealed record GroupEvaluationRow(GroupKind Kind, int Size, int Groups, string Strategy, double MeanNdcg, double MinNdcg, PairedDifference MinVsBaseline);

/// <summary>Group-recommendation quality of one model on one split.</summary>
/// <param name="DataSet">Data set name.</param>
/// <param name="Split">Split description.</param>
/// <param name="K">Cut-off.</param>
/// <param name="Rows">One row per kind, size and strategy (baseline first in each block).</param>
public sealed record GroupEvaluationReport(string DataSet, string Split, int K, IReadOnlyList<GroupEvaluationRow> Rows)
{
    /// <summary>The report as a fixed-width table.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Group recommendation on {DataSet}, {Split}: NDCG@{K} per member against their held-out items");
        text.AppendLine("groups      size  n     strategy       mean NDCG  min NDCG  min vs baseline  min − baseline [95% interval, paired per group]");
        foreach (var block in Rows.GroupBy(r => (r.Kind, r.Size)))
        {
            var baseline = block.First(r => r.Strategy == GroupEvaluator.Baseline);
            foreach (var row in block)
            {
                var isBaseline = row.Strategy == GroupEvaluator.Baseline;
                var vs = isBaseline ? "" : (row.MinNdcg / Math.Max(1e-12, baseline.MinNdcg)).ToString("0.00×", CultureInfo.InvariantCulture);
                var d = row.MinVsBaseline;
                var interval = isBaseline ? "" : string.Create(CultureInfo.InvariantCulture, $"{d.Mean,8:+0.0000;-0.0000;+0.0000} [{d.Low:+0.0000;-0.0000;+0.0000}, {d.High:+0.0000;-0.0000;+0.0000}] {(d.Significant ? d.Mean > 0 ? "better" : "WORSE" : "no difference")}");
                text.AppendLine(CultureInfo.InvariantCulture, $"{row.Kind.ToString().ToLowerInvariant(),-11} {row.Size,4}  {row.Groups,-5} {row.Strategy,-14} {row.MeanNdcg,9:0.0000} {row.MinNdcg,9:0.0000}  {vs,-15}  {interval}");
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Offline group quality: groups of test users (random, or similar by taste vector) get one list per strategy; each
/// member's NDCG@K is measured against that member's held-out items. The baseline merges the members' personal lists
/// (round robin: everyone's first, then everyone's second…). Titles any member rated in train are excluded everywhere.
/// </summary>
public static class GroupEvaluator
{
    /// <summary>The baseline's name in reports.</summary>
    public const string Baseline = "baseline";

    /// <summary>Candidates each user is compared with when forming a similar group.</summary>
    private const int SimilarCandidates = 400;

    /// <summary>Runs the evaluation.</summary>
    /// <param name="engine">An engine over a bundle trained on <paramref name="split"/>'s train part only.</param>
    /// <param name="split">The split.</param>
    /// <param name="dataSet">Data set name for the report.</param>
    /// <param name="splitName">Split description for the report.</param>
    /// <param name="sizes">Group sizes (e.g. 3 and 5).</param>
    /// <param name="maxGroups">Groups per kind and size (drawn independently; a user may be in several).</param>
    /// <param name="k">Cut-off.</param>
    /// <param name="relevanceThreshold">Test ratings at or above this are relevant; null: every test item.</param>
    /// <param name="seed">Seed of group forming.</param>
    /// <param name="avoidPredictedDislikes">Whether strategies put predicted dislikes last, as the product does.</param>
    /// <param name="parallelism">Groups ranked at once (-1 = all cores); the figures do not depend on it.</param>
    public static GroupEvaluationReport Run(
        RecommenderEngine engine,
        RatingsSplit split,
        string dataSet,
        string splitName,
        IReadOnlyList<int> sizes,
        int maxGroups,
        int k = 10,
        float? relevanceThreshold = null,
        int seed = 42,
        bool avoidPredictedDislikes = true,
        int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(sizes);
        var train = split.Train.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => new UserRating(r.ItemId, r.Value, r.Timestamp)).ToArray());
        var heldOut = split.Test
            .Where(r => relevanceThreshold is not float t || r.Value >= t)
            .GroupBy(r => r.UserId)
            .Where(g => train.ContainsKey(g.Key))
            .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(r => r.ItemId).ToHashSet());
        var users = heldOut.Keys.Order().ToArray();
        var tastes = users.ToDictionary(u => u, u => engine.FoldIn(train[u]));
        var rows = new List<GroupEvaluationRow>();
        foreach (var kind in new[] { GroupKind.Random, GroupKind.Similar })
        {
            foreach (var size in sizes)
            {
                var groups = kind == GroupKind.Random
                    ? RandomGroups(users, size, maxGroups, new Random(seed + size))
                    : SimilarGroups(users, tastes, size, maxGroups, new Random(seed + (31 * size)));
                rows.AddRange(Evaluate(engine, groups, train, tastes, heldOut, new(kind, size, k, avoidPredictedDislikes, parallelism)));
            }
        }

        return new GroupEvaluationReport(dataSet, splitName, k, rows);
    }

    private static List<GroupEvaluationRow> Evaluate(
        RecommenderEngine engine,
        List<long[]> groups,
        Dictionary<long, UserRating[]> train,
        Dictionary<long, float[]> tastes,
        Dictionary<long, IReadOnlySet<int>> heldOut,
        RowSettings row)
    {
        var strategies = Enum.GetValues<GroupStrategy>();
        var names = new[] { Baseline }.Concat(strategies.Select(s => s.ToString())).ToArray();

        // Per group and list: the members' mean and least NDCG; kept per group to pair every strategy with the baseline.
        var mean = names.Select(_ => new double[groups.Count]).ToArray();
        var min = names.Select(_ => new double[groups.Count]).ToArray();
        Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = row.Parallelism }, g =>
        {
            var group = groups[g];
            var members = group.Select(u => new GroupMember(u, train[u]) { Taste = tastes[u] }).ToArray();
            var rated = group.SelectMany(u => train[u].Select(r => r.ItemId)).ToHashSet();
            var lists = new List<int[]> { Merged(engine, members, rated, row.K) };
            var request = new GroupRequest(members, strategies[0]) { Count = row.K, AvoidPredictedDislikes = row.AvoidPredictedDislikes };
            lists.AddRange(engine.RecommendGroup(request, strategies).Select(r => r.Items.Select(p => p.ItemId).ToArray()));
            for (var s = 0; s < lists.Count; s++)
            {
                var ndcg = group.Select(u => RankingMetrics.Ndcg(lists[s], heldOut[u], row.K)).ToArray();
                mean[s][g] = ndcg.Average();
                min[s][g] = ndcg.Min();
            }
        });

        return [.. names.Select((name, s) => new GroupEvaluationRow(
            row.Kind,
            row.Size,
            groups.Count,
            name,
            groups.Count == 0 ? 0 : mean[s].Average(),
            groups.Count == 0 ? 0 : min[s].Average(),
            PairedDifference.Of(min[s], min[0])))];
    }

    /// <summary>What one row of the report measures.</summary>
    private sealed record RowSettings(GroupKind Kind, int Size, int K, bool AvoidPredictedDislikes, int Parallelism);

    /// <summary>The members' personal top-K lists interleaved: everyone's first, then everyone's second, without repeats.</summary>
    private static int[] Merged(RecommenderEngine engine, GroupMember[] members, HashSet<int> rated, int k)
    {
        var personal = members.Select(m => engine.Recommend(new RecommendationRequest(m.Ratings)
        {
            Count = k,
            Taste = m.Taste,
            Exclude = rated,
            ExplanationsPerItem = 0,
        }).Items.Select(r => r.ItemId).ToArray()).ToArray();
        var merged = new List<int>(k);
        for (var rank = 0; rank < k && merged.Count < k; rank++)
        {
            foreach (var list in personal)
            {
                if (merged.Count < k && rank < list.Length && !merged.Contains(list[rank]))
                {
                    merged.Add(list[rank]);
                }
            }
        }

        return [.. merged];
    }

    /// <summary>
    /// Groups of distinct users drawn independently (a user may be in several groups): a small data set then still gives
    /// enough groups of 5 for the least served member's NDCG, which is zero in most groups, to be measured at all.
    /// </summary>
    private static List<long[]> RandomGroups(long[] users, int size, int groups, Random random) =>
        [.. Enumerable.Range(0, users.Length < size ? 0 : groups).Select(_ => random.GetItems(users, size * 4).Distinct().Take(size).ToArray()).Where(g => g.Length == size)];

    /// <summary>Each group: a random user and the users whose taste vectors are most alike theirs (cosine) among a random sample.</summary>
    private static List<long[]> SimilarGroups(long[] users, Dictionary<long, float[]> tastes, int size, int groups, Random random)
    {
        var result = new List<long[]>(groups);
        for (var g = 0; g < groups && users.Length >= size; g++)
        {
            var seedUser = users[random.Next(users.Length)];
            var taste = tastes[seedUser];
            var others = random.GetItems(users, Math.Min(SimilarCandidates, users.Length)).Distinct().Where(u => u != seedUser)
                .Select(u => (User: u, Similarity: Cosine(taste, tastes[u])))
                .OrderByDescending(c => c.Similarity)
                .ThenBy(c => c.User)
                .Take(size - 1)
                .Select(c => c.User)
                .ToArray();
            if (others.Length == size - 1)
            {
                result.Add([seedUser, .. others]);
            }
        }

        return result;
    }

    private static float Cosine(float[] a, float[] b)
    {
        var c = TensorPrimitives.CosineSimilarity(a, b);
        return float.IsFinite(c) ? c : 0f;
    }
}
