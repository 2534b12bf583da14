using System.Globalization;
using System.Numerics.Tensors;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Training;

/// <summary>
/// Learns ensemble weights on validation users. Each model's scores are z-scored per user over the catalogue, as
/// the <see cref="Ensemble"/> does when serving; only each user's candidates (the union of every model's top
/// <see cref="Candidates"/>) are kept, since an item outside all of them cannot reach the blend's top K. The
/// objective is NDCG@K + Recall@K averaged over users. Weights are found by coordinate ascent from the best single
/// model (its weight fixed at 1, the scale being irrelevant), then per bucket of users by number of ratings. Against
/// overfitting the validation users: a step is taken only when it helps both halves of the users (even and odd
/// positions), and a bucket keeps its own weights only when they beat the global ones by a margin on its users and
/// the weights learned on each half of them beat the global ones on the other half.
/// </summary>
internal sealed class BlendLearner
{
    private const int Candidates = 100;
    private const int Buckets = 3;

    /// <summary>Relative gain a bucket's own weights must show over the global weights on its users.</summary>
    private const double BucketMargin = 0.005;

    /// <summary>Models within this fraction of the best single model start the ascent with equal weights.</summary>
    private const double NearBest = 0.98;

    private static readonly float[] Grid = [0f, 0.05f, 0.1f, 0.2f, 0.35f, 0.5f, 0.75f, 1f, 1.5f, 2f, 3f];

    private readonly int _models;
    private readonly UserCandidates[] _users;
    private readonly int _k;

    private BlendLearner(int models, UserCandidates[] users, int k)
    {
        _models = models;
        _users = users;
        _k = k;
    }

    /// <summary>Scores every validation user with every usable model and keeps their candidates.</summary>
    public static BlendLearner Create(ModelSuite suite, Evaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(evaluator);
        var m = suite.Models.Count;
        var n = suite.Data.ItemCount;
        var weights = Enumerable.Range(0, m).Select(i => suite.Usable(i) ? 1f : 0f).ToArray();
        var ensemble = new Ensemble(suite.Models, weights, n);
        var users = new UserCandidates[evaluator.UserCount];
        Parallel.For(0, users.Length, () => (Scratch: new EnsembleScratch(m, n), Top: new int[Candidates], Mark: new bool[n], List: new List<int>()), (index, _, s) =>
        {
            var profile = evaluator.Profile(evaluator.Users[index]);
            ensemble.Score(profile, weights, s.Scratch);
            s.List.Clear();
            for (var model = 0; model < m; model++)
            {
                if (weights[model] == 0f) { continue; }
                var z = s.Scratch.ModelScores[model];
                var saved = new float[profile.Count];
                for (var r = 0; r < profile.Count; r++)
                {
                    saved[r] = z[profile.Items[r]];
                    z[profile.Items[r]] = float.NegativeInfinity;
                }

                var found = TopK.Select(z.AsSpan(0, n), s.Top);
                for (var t = 0; t < found; t++)
                {
                    if (!s.Mark[s.Top[t]]) { s.Mark[s.Top[t]] = true; s.List.Add(s.Top[t]); }
                }

                for (var r = 0; r < profile.Count; r++)
                {
                    z[profile.Items[r]] = saved[r];
                }
            }

            var items = s.List.ToArray();
            Array.Sort(items);
            var scores = new float[m * items.Length];
            for (var model = 0; model < m; model++)
            {
                if (weights[model] == 0f) { continue; }
                var z = s.Scratch.ModelScores[model];
                for (var c = 0; c < items.Length; c++)
                {
                    scores[(model * items.Length) + c] = z[items[c]];
                }
            }

            foreach (var item in items) { s.Mark[item] = false; }
            users[index] = new UserCandidates(items, scores, evaluator.Relevant(index), profile.Count);
            return s;
        }, _ => { });
        return new BlendLearner(m, users, evaluator.K);
    }

    /// <summary>One learner over the users of several validation splits (each user once per split).</summary>
    public static BlendLearner Merge(IReadOnlyList<BlendLearner> learners)
    {
        ArgumentNullException.ThrowIfNull(learners);
        return new BlendLearner(learners[0]._models, learners.SelectMany(l => l._users).ToArray(), learners[0]._k);
    }

    public int UserCount => _users.Length;

    /// <summary>Learns the blend; <paramref name="usable"/> marks models that may get weight.</summary>
    public (BlendWeights Blend, double Objective, double BestSingle) Learn(bool[] usable, IReadOnlyList<string> names, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(usable);
        ArgumentNullException.ThrowIfNull(note);
        var all = Enumerable.Range(0, _users.Length).ToArray();
        var single = new double[_models];
        var best = -1.0;
        var anchor = 0;
        for (var model = 0; model < _models; model++)
        {
            if (!usable[model]) { continue; }
            var alone = new float[_models];
            alone[model] = 1f;
            single[model] = Objective(alone, all);
            note(Invariant($"blend: {names[model]} alone: ndcg+recall={single[model]:F4}"));
            if (single[model] > best) { best = single[model]; anchor = model; }
        }

        // Start from the plain average of every model within NearBest of the best: which of two nearly equal models
        // wins on validation is often noise, and their average is rarely worse than either.
        var start = new float[_models];
        for (var model = 0; model < _models; model++)
        {
            if (usable[model] && single[model] >= best * NearBest) { start[model] = 1f; }
        }

        if (Objective(start, all) < best)
        {
            Array.Clear(start);
            start[anchor] = 1f;
        }

        var (global, value) = Ascend(start, anchor, usable, all);
        note(Invariant($"blend: global weights [{Format(global, names)}]: ndcg+recall={value:F4} (best single {names[anchor]} {best:F4})"));

        // Buckets by number of ratings: terciles of the validation users.
        var counts = _users.Select(u => u.Ratings).Order().ToArray();
        var bounds = Enumerable.Range(1, Buckets - 1).Select(b => counts[counts.Length * b / Buckets]).Distinct().Where(b => b > counts[0]).ToArray();
        var bucketWeights = new List<float[]>();
        var keptBounds = new List<int>();
        var lower = int.MinValue;
        var total = 0.0;
        for (var b = 0; b <= bounds.Length; b++)
        {
            var upper = b < bounds.Length ? bounds[b] : int.MaxValue;
            var members = all.Where(i => _users[i].Ratings >= lower && _users[i].Ratings < upper).ToArray();
            var baseline = Objective(global, members);
            var (own, ownValue) = Ascend(global, anchor, usable, members);
            var even = members.Where((_, i) => i % 2 == 0).ToArray();
            var odd = members.Where((_, i) => i % 2 == 1).ToArray();
            var crossChecked = Objective(Ascend(global, anchor, usable, even).Weights, odd) > Objective(global, odd)
                && Objective(Ascend(global, anchor, usable, odd).Weights, even) > Objective(global, even);
            var keep = ownValue > baseline * (1 + BucketMargin) && crossChecked;
            var chosen = keep ? own : global;
            total += (keep ? ownValue : baseline) * members.Length;
            note(Invariant($"blend: bucket {(lower == int.MinValue ? 0 : lower)}–{(upper == int.MaxValue ? "∞" : (upper - 1).ToString(CultureInfo.InvariantCulture))} ratings ({members.Length} users): global {baseline:F4}, own [{Format(own, names)}] {ownValue:F4} → {(keep ? "own" : "global")}"));
            if (b < bounds.Length)
            {
                keptBounds.Add(upper);
                bucketWeights.Add(chosen);
            }
            else
            {
                global = chosen;
            }

            lower = upper;
        }

        // Trailing buckets that use the top bucket's weights add nothing.
        while (bucketWeights.Count > 0 && bucketWeights[^1].AsSpan().SequenceEqual(global))
        {
            bucketWeights.RemoveAt(bucketWeights.Count - 1);
            keptBounds.RemoveAt(keptBounds.Count - 1);
        }

        var blend = new BlendWeights(global, [.. keptBounds], [.. bucketWeights]);
        return (blend, total / Math.Max(1, _users.Length), best);
    }

    private (float[] Weights, double Value) Ascend(float[] start, int anchor, bool[] usable, int[] members)
    {
        var weights = (float[])start.Clone();
        var even = members.Where((_, i) => i % 2 == 0).ToArray();
        var odd = members.Where((_, i) => i % 2 == 1).ToArray();
        var (bestEven, bestOdd) = (Objective(weights, even), Objective(weights, odd));
        for (var round = 0; round < 4; round++)
        {
            var improved = false;
            for (var model = 0; model < _models; model++)
            {
                if (model == anchor || !usable[model]) { continue; }
                foreach (var candidate in Grid)
                {
                    if (candidate == weights[model]) { continue; }
                    var trial = (float[])weights.Clone();
                    trial[model] = candidate;
                    var (e, o) = (Objective(trial, even), Objective(trial, odd));
                    if (e > bestEven + 1e-7 && o > bestOdd + 1e-7)
                    {
                        (bestEven, bestOdd) = (e, o);
                        weights = trial;
                        improved = true;
                    }
                }
            }

            if (!improved) { break; }
        }

        return (weights, Objective(weights, members));
    }

    /// <summary>Mean NDCG@K + Recall@K of the blend over <paramref name="members"/>.</summary>
    private double Objective(float[] weights, int[] members)
    {
        if (members.Length == 0) { return 0; }
        var sums = new double[members.Length];
        Parallel.For(0, members.Length, () => (Blend: new float[_models * Candidates], Top: new int[_k]), (i, _, s) =>
        {
            var user = _users[members[i]];
            var c = user.Items.Length;
            if (s.Blend.Length < c) { s = (new float[c], s.Top); }
            var blend = s.Blend.AsSpan(0, c);
            blend.Clear();
            for (var model = 0; model < _models; model++)
            {
                if (weights[model] != 0f)
                {
                    TensorPrimitives.MultiplyAdd(user.Scores.AsSpan(model * c, c), weights[model], blend, blend);
                }
            }

            var found = TopK.Select(blend, s.Top);
            var top = s.Top.AsSpan(0, found);
            for (var t = 0; t < found; t++)
            {
                top[t] = user.Items[top[t]];
            }

            sums[i] = RankingMetrics.Ndcg(top, user.Relevant, _k) + RankingMetrics.Recall(top, user.Relevant);
            return s;
        }, _ => { });
        return sums.Average();
    }

    private static string Format(float[] weights, IReadOnlyList<string> names)
        => string.Join(", ", weights.Select((w, i) => Invariant($"{names[i]}={w}")));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record UserCandidates(int[] Items, float[] Scores, IReadOnlySet<int> Relevant, int Ratings);
}
