using System.Globalization;
using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Training;

/// <summary>Result of hyperparameter and ensemble-weight tuning on a validation split carved from the training data.</summary>
/// <param name="Options">Best hyperparameters.</param>
/// <param name="Weights">Ensemble weights in <see cref="ModelSuite.Names"/> order.</param>
/// <param name="Log">One line per trial.</param>
/// <param name="Validation">Best validation NDCG@K per model and for the ensemble.</param>
internal sealed record TuningResult(TrainingOptions Options, float[] Weights, IReadOnlyList<string> Log, IReadOnlyDictionary<string, double> Validation);

/// <summary>
/// Tunes on train data only: a split of the training ratings that mimics the test protocol (temporal, random or
/// leave-last-out) becomes validation data; grids are searched by NDCG@K on it, then ensemble weights by coordinate ascent. Deterministic.
/// </summary>
internal static class Tuner
{
    private static readonly float[] WeightGrid = [0f, 0.1f, 0.25f, 0.5f, 1f, 2f];

    public static TuningResult Tune(IReadOnlyList<RatingRecord> train, IReadOnlyList<ItemMetadata> catalog, TrainingOptions start, EvaluationOptions evaluation, TuningGrid grid, (SplitKind Kind, double Fraction) validation, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(log);
        var lines = new List<string>();
        void Note(string line) { lines.Add(line); log(line); }

        // Validation mimics the test protocol; a temporal protocol needs timestamps.
        var kind = validation.Kind != SplitKind.Random && !train.Any(r => r.Timestamp > 0) ? SplitKind.Random : validation.Kind;
        // Leave-last-out validation holds out each user's last 3 training ratings: a single item per user makes the
        // validation metric too noisy to choose weights with, and the last few are nearly as "next" as the last one.
        var split = DataSplitter.Split(train, kind, validation.Fraction, evaluation.Seed, lastCount: kind == SplitKind.LeaveLastOut ? 3 : 1);
        var data = TrainingData.Create(split.Train, catalog);
        var policy = start.PolicyOrDefault;
        var sampled = evaluation.Objective == TuningObjective.SampledNdcg;
        var evaluator = new Evaluator(data, split.Test, evaluation with { Sampled = sampled, MaxUsers = 1500 }, policy);
        var similarity = (int a, int b) => 0f;
        double Objective(MetricSet m) => sampled ? m.SampledNdcg ?? 0 : m.Ndcg;
        double Score(IScoringModel model) => Objective(evaluator.Evaluate((_, p, s) => model.Score(p, s), similarity));

        var options = start;
        Note($"validation: {split.Train.Count} train / {split.Test.Count} validation ratings, {evaluator.UserCount} users, {kind} split holding out {validation.Fraction:P0}, objective {evaluation.Objective}");

        var bestKnn = (Ndcg: -1.0, Neighbours: options.KnnNeighbours, Shrink: options.KnnShrink);
        foreach (var neighbours in grid.KnnNeighbours)
        {
            foreach (var shrink in grid.KnnShrink)
            {
                var ndcg = Score(ItemKnnModel.Fit(data, neighbours, shrink, options.MaxParallelism));
                Note(Invariant($"knn neighbours={neighbours} shrink={shrink}: ndcg={ndcg:F4}"));
                if (ndcg > bestKnn.Ndcg) { bestKnn = (ndcg, neighbours, shrink); }
            }
        }

        options = options with { KnnNeighbours = bestKnn.Neighbours, KnnShrink = bestKnn.Shrink };

        var bestAls = (Ndcg: -1.0, Options: options.AlsOrDefault);
        foreach (var alpha in grid.AlsAlpha)
        {
            foreach (var lambda in grid.AlsLambda)
            {
                var als = options.AlsOrDefault with { Alpha = alpha, Regularization = lambda };
                var ndcg = Score(AlsModel.Fit(data, als, policy, options.MaxParallelism));
                Note(Invariant($"als alpha={alpha} lambda={lambda}: ndcg={ndcg:F4}"));
                if (ndcg > bestAls.Ndcg) { bestAls = (ndcg, als); }
            }
        }

        options = options with { Als = bestAls.Options };

        var bestEase = (Ndcg: -1.0, Lambda: options.EaseLambda, Model: (EaseModel?)null);
        foreach (var lambda in grid.EaseLambda)
        {
            var model = EaseModel.Fit(data, options.EaseHeadSize, lambda, options.MaxParallelism);
            var ndcg = Score(model);
            Note(Invariant($"ease lambda={lambda}: ndcg={ndcg:F4}"));
            if (ndcg > bestEase.Ndcg) { bestEase = (ndcg, lambda, model); }
        }

        options = options with { EaseLambda = bestEase.Lambda };

        // Recency weighting of a user's history changes profiles only, so the trained EASE model is reused.
        var ease = bestEase.Model ?? EaseModel.Fit(data, options.EaseHeadSize, options.EaseLambda, options.MaxParallelism);
        var bestRecency = (Ndcg: -1.0, HalfLife: policy.RecencyHalfLife);
        foreach (var halfLife in grid.RecencyHalfLife)
        {
            evaluator.Policy = policy with { RecencyHalfLife = halfLife };
            var ndcg = Score(ease);
            Note(Invariant($"recency halfLife={halfLife} (ease): ndcg={ndcg:F4}"));
            if (ndcg > bestRecency.Ndcg) { bestRecency = (ndcg, halfLife); }
        }

        policy = policy with { RecencyHalfLife = bestRecency.HalfLife };
        evaluator.Policy = policy;
        options = options with { Policy = policy };
        var suite = ModelSuite.Train(data, catalog, options);
        var (weights, ensembleNdcg) = TuneWeights(suite, evaluator, Objective, Note);
        var scores = new Dictionary<string, double>
        {
            ["validation_ndcg_knn"] = bestKnn.Ndcg,
            ["validation_ndcg_als"] = bestAls.Ndcg,
            ["validation_ndcg_ease"] = bestEase.Ndcg,
            ["validation_ndcg_ensemble"] = ensembleNdcg,
        };
        return new TuningResult(options, weights, lines, scores);
    }

    /// <summary>Coordinate ascent over a weight grid on cached per-model z-scores of the validation users.</summary>
    private static (float[] Weights, double Ndcg) TuneWeights(ModelSuite suite, Evaluator evaluator, Func<MetricSet, double> objective, Action<string> note)
    {
        var m = suite.Models.Count;
        var n = suite.Data.ItemCount;
        var cache = new Dictionary<int, float[][]>();
        var ensembleAll = new Ensemble(suite.Models, Enumerable.Repeat(1f, m).ToArray(), n);
        foreach (var user in evaluator.Users)
        {
            var scratch = new EnsembleScratch(m, n);
            ensembleAll.Score(evaluator.Profile(user), default, scratch);
            cache[user] = scratch.ModelScores;
        }

        double Objective(float[] w) => objective(evaluator.Evaluate((user, _, scores) =>
        {
            scores.Clear();
            var z = cache[user];
            for (var k = 0; k < m; k++)
            {
                if (w[k] != 0f)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(z[k], w[k], scores, scores);
                }
            }
        }, (_, _) => 0f));

        // Start from the best single model.
        var weights = new float[m];
        var best = -1.0;
        for (var k = 0; k < m; k++)
        {
            var single = new float[m];
            single[k] = 1f;
            var v = Objective(single);
            note(Invariant($"ensemble single {ModelSuite.Names[k]}: ndcg={v:F4}"));
            if (v > best) { best = v; weights = single; }
        }

        for (var round = 0; round < 3; round++)
        {
            var improved = false;
            for (var k = 0; k < m; k++)
            {
                foreach (var candidate in WeightGrid)
                {
                    if (candidate == weights[k]) { continue; }
                    var trial = (float[])weights.Clone();
                    trial[k] = candidate;
                    if (trial.All(x => x == 0f)) { continue; }
                    var v = Objective(trial);
                    if (v > best + 1e-6)
                    {
                        best = v;
                        weights = trial;
                        improved = true;
                    }
                }
            }

            note(Invariant($"ensemble round {round + 1}: weights=[{string.Join(", ", weights)}] ndcg={best:F4}"));
            if (!improved) { break; }
        }

        return (weights, best);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Values tried per hyperparameter; empty lists keep the starting value.</summary>
internal sealed record TuningGrid(int[] KnnNeighbours, float[] KnnShrink, float[] AlsAlpha, float[] AlsLambda, float[] EaseLambda, float[] RecencyHalfLife)
{
    public static TuningGrid Default { get; } = new([50, 100, 200], [0f, 10f, 50f], [3f, 10f, 30f], [10f, 50f, 150f], [100f, 250f, 500f, 1000f], [0f, 5f, 20f, 80f]);
}
