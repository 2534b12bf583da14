using System.Globalization;
using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Training;

/// <summary>Result of hyperparameter and ensemble-weight tuning on a validation split carved from the training data.</summary>
/// <param name="Options">Best hyperparameters, with data-size dependent ones scaled from the validation-train size to the full training size.</param>
/// <param name="Blend">Ensemble weights in <see cref="ModelSuite.Names"/> order, bucket bounds scaled to the full training size.</param>
/// <param name="Log">One line per trial.</param>
/// <param name="Validation">Best validation NDCG@K per model and for the ensemble.</param>
/// <param name="Protocol">How the validation split was made, e.g. "random per-user, 22% of each user's train ratings held out (seed 42)".</param>
internal sealed record TuningResult(TrainingOptions Options, BlendWeights Blend, IReadOnlyList<string> Log, IReadOnlyDictionary<string, double> Validation, string Protocol);

/// <summary>
/// Tunes on train data only: a split of the training ratings that imitates the test protocol (random per user,
/// temporal, or leave-last-out) becomes validation data; each model's hyperparameters are searched by NDCG@K on it,
/// then the blend is learned (<see cref="BlendLearner"/>). Regularisation that grows with the data (EASE and EDLAE λ)
/// is scaled from the validation-train size to the full training size, as are the bucket bounds. Deterministic.
/// </summary>
internal static class Tuner
{
    private const int SearchUsers = 3000;

    private const int WalkSteps = 3;

    /// <summary>Below this many validation users a second random validation split is added for the blend (noise).</summary>
    private const int FewUsers = 3000;

    public static TuningResult Tune(IReadOnlyList<RatingRecord> train, IReadOnlyList<ItemMetadata> catalog, TrainingOptions start, EvaluationOptions evaluation, TuningGrid grid, (SplitKind Kind, double Fraction) validation, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(start);
        var lines = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Note(string line)
        {
            var stamped = Invariant($"[{clock.Elapsed.TotalSeconds,6:F1} s] {line}");
            lines.Add(stamped);
            log(stamped);
        }

        // Validation imitates the test protocol; a temporal protocol needs timestamps.
        var kind = validation.Kind != SplitKind.Random && !train.Any(r => r.Timestamp > 0) ? SplitKind.Random : validation.Kind;
        // Leave-last-out validation holds out each user's last 3 training ratings: a single item per user makes the
        // validation metric too noisy to choose weights with, and the last few are nearly as "next" as the last one.
        var lastCount = kind == SplitKind.LeaveLastOut ? 3 : 1;
        var split = DataSplitter.Split(train, kind, validation.Fraction, evaluation.Seed, lastCount);
        var protocol = Describe(kind, validation.Fraction, evaluation.Seed, lastCount);
        var data = TrainingData.Create(split.Train, catalog);
        var policy = start.PolicyOrDefault;
        var sampled = evaluation.Objective == TuningObjective.SampledNdcg;
        // Hyperparameters are searched on at most SearchUsers validation users (each trial scores them all); the blend,
        // cheap to evaluate on cached scores, learns from every validation user.
        var evaluator = new Evaluator(data, split.Test, evaluation with { Sampled = sampled, MaxUsers = SearchUsers }, policy);
        var similarity = (int a, int b) => 0f;
        double Objective(MetricSet m) => sampled ? m.SampledNdcg ?? 0 : m.Ndcg;
        double Score(IScoringModel model) => Objective(evaluator.Evaluate((_, p, s) => model.Score(p, s), similarity));
        var options = start;
        var threads = options.MaxParallelism;
        Note($"validation: {protocol}; {split.Train.Count} train / {split.Test.Count} validation ratings, {evaluator.UserCount} users, objective {evaluation.Objective}");

        var knn = Search(grid.KnnNeighbours.SelectMany(k => grid.KnnShrink.Select(s => (k, s))), p => ItemKnnModel.Fit(data, p.k, p.s, threads), Score, p => Invariant($"knn neighbours={p.k} shrink={p.s}"), Note);
        options = options with { KnnNeighbours = knn.Parameters.k, KnnShrink = knn.Parameters.s };

        var rp3 = Search(grid.Rp3Alpha.SelectMany(a => grid.Rp3Beta.Select(b => (a, b))), p => Rp3BetaModel.Fit(data, p.a, p.b, options.Rp3Neighbours, threads), Score, p => Invariant($"rp3b alpha={p.a} beta={p.b}"), Note);
        options = options with { Rp3Alpha = rp3.Parameters.a, Rp3Beta = rp3.Parameters.b };

        // ALS trials run half the sweeps (validation NDCG barely moves from 15 to 30 sweeps, so the ranking of
        // candidates holds); the final fit uses the full count.
        var alsFinalIterations = options.AlsOrDefault.Iterations;
        var alsStart = options.AlsOrDefault with { Iterations = Math.Max(6, alsFinalIterations / 2) };
        var als = Search(grid.AlsAlpha.SelectMany(a => grid.AlsLambda.Select(l => alsStart with { Alpha = a, Regularization = l })), o => AlsModel.Fit(data, o, policy, threads), Score, o => Invariant($"als alpha={o.Alpha} lambda={o.Regularization}"), Note);
        (AlsOptions Parameters, AlsModel Model, double Value) Refine(IEnumerable<AlsOptions> candidates, (AlsOptions Parameters, AlsModel Model, double Value) current)
        {
            var list = candidates.ToList();
            if (list.Count == 0) { return current; }
            var found = Search(list, o => AlsModel.Fit(data, o, policy, threads), Score, o => Invariant($"als factors={o.Factors} alpha={o.Alpha} lambda={o.Regularization} nu={o.FrequencyExponent}"), Note);
            return found.Value > current.Value ? found : current;
        }

        // Rendle et al. 2022: λ matters most (validation NDCG is sharply peaked in it), then α, then frequency-scaled
        // regularisation, then more factors. λ and α are refined by walking multiplicative steps from the grid's best.
        als = Walk(als, o => o with { Regularization = o.Regularization * 1.25f }, o => o with { Regularization = o.Regularization / 1.25f }, Refine);
        als = Walk(als, o => o with { Alpha = o.Alpha * 1.4f }, o => o with { Alpha = o.Alpha / 1.4f }, Refine);
        als = Refine(grid.AlsFrequency.Select(v => als.Parameters with { FrequencyExponent = v }), als);
        als = Refine(grid.AlsFactors.Where(f => f > als.Parameters.Factors).Select(f => als.Parameters with { Factors = f }), als);
        options = options with { Als = als.Parameters with { Iterations = alsFinalIterations } };

        var gram = ItemGram.Create(data, options.EaseHeadSize, threads);
        var ease = GridWalk(grid.EaseLambda, l => EaseModel.Fit(gram, l, 0f, ModelSuite.Ease, threads), Score, l => Invariant($"ease lambda={l}"), Note);
        options = options with { EaseLambda = ease.Parameters };

        // EDLAE: dropout p makes the penalty grow with each item's popularity; a quarter of EASE's λ stays as a floor.
        var edlaeLambda = ease.Parameters / 4f;
        var edlae = GridWalk(grid.EdlaeDropout, p => EaseModel.Fit(gram, edlaeLambda, p, ModelSuite.Edlae, threads), Score, p => Invariant($"edlae dropout={p} lambda={edlaeLambda}"), Note);
        options = options with { EdlaeDropout = edlae.Parameters, EdlaeLambda = edlaeLambda };

        // Recency weighting changes profiles only, so the trained EASE model is reused. A random split has no
        // "next" ratings, so recency cannot help there and is not tried.
        if (kind != SplitKind.Random && grid.RecencyHalfLife.Length > 0)
        {
            var best = (Ndcg: -1.0, HalfLife: policy.RecencyHalfLife);
            foreach (var halfLife in grid.RecencyHalfLife)
            {
                evaluator.Policy = policy with { RecencyHalfLife = halfLife };
                var ndcg = Score(ease.Model);
                Note(Invariant($"recency halfLife={halfLife} (ease): ndcg={ndcg:F4}"));
                if (ndcg > best.Ndcg) { best = (ndcg, halfLife); }
            }

            policy = policy with { RecencyHalfLife = best.HalfLife };
            evaluator.Policy = policy;
        }

        options = options with { Policy = policy };
        var models = new IScoringModel[]
        {
            PopularityModel.Fit(data, options.PopularityHalfLifeDays), knn.Model, als.Model, ease.Model,
            ContentModel.Fit(data.Items, catalog, options.ContentOrDefault), edlae.Model, rp3.Model,
        };
        var suite = ModelSuite.From(data, models);
        var usable = Enumerable.Range(0, models.Length).Select(suite.Usable).ToArray();
        // With enough users, the blend is learned (and the best single model chosen) on the users the hyperparameter
        // search left out: each model's validation score above is the best of its trials, inflated the more trials it
        // had (ALS far more than EASE), so judging the members on the same held-out items favours the most tuned.
        var unsearched = new Evaluator(data, split.Test, evaluation with { Sampled = false, MaxUsers = SearchUsers, UnsampledUsers = true }, policy);
        var learners = new List<BlendLearner>();
        if (unsearched.UserCount >= FewUsers)
        {
            learners.Add(BlendLearner.Create(suite, unsearched));
            Note($"blend: learned on the {unsearched.UserCount} validation users the hyperparameter search did not use");
        }
        else
        {
            var blendEvaluator = new Evaluator(data, split.Test, evaluation with { Sampled = false }, policy);
            learners.Add(BlendLearner.Create(suite, blendEvaluator));
            if (kind == SplitKind.Random && blendEvaluator.UserCount < FewUsers)
            {
                // Few users make the blend's objective noisy: a second random holdout (another seed, models refitted
                // with the chosen hyperparameters) doubles the evidence.
                var second = DataSplitter.Split(train, kind, validation.Fraction, evaluation.Seed + 1, lastCount);
                var secondData = TrainingData.Create(second.Train, catalog);
                var secondSuite = ModelSuite.Train(secondData, catalog, options);
                learners.Add(BlendLearner.Create(secondSuite, new Evaluator(secondData, second.Test, evaluation with { Sampled = false }, policy)));
                Note($"blend: {blendEvaluator.UserCount} validation users are few; a second random holdout (seed {evaluation.Seed + 1}) is added");
            }
        }

        var (blend, ensembleValue, bestSingle) = BlendLearner.Merge(learners).Learn(usable, ModelSuite.Names, Note);

        // Data-size scaling: the full training set has more interactions than the validation-train part.
        var scale = (float)((double)train.Count / Math.Max(1, split.Train.Count));
        options = options with { EaseLambda = options.EaseLambda * scale, EdlaeLambda = options.EdlaeLambda * scale };
        blend = blend with { BucketBounds = blend.BucketBounds.Select(b => (int)MathF.Round(b * scale)).ToArray() };
        Note(Invariant($"scaled to the full training data (×{scale:F3} interactions): ease lambda={options.EaseLambda}, edlae lambda={options.EdlaeLambda}, bucket bounds [{string.Join(", ", blend.BucketBounds)}]"));
        var scores = new Dictionary<string, double>
        {
            ["validation_ndcg_knn"] = knn.Value,
            ["validation_ndcg_rp3b"] = rp3.Value,
            ["validation_ndcg_als"] = als.Value,
            ["validation_ndcg_ease"] = ease.Value,
            ["validation_ndcg_edlae"] = edlae.Value,
            ["validation_blend_objective"] = ensembleValue,
            ["validation_blend_best_single"] = bestSingle,
        };
        return new TuningResult(options, blend, lines, scores, protocol);
    }

    /// <summary>
    /// From the current best, steps up while that improves, else down while that improves (at most
    /// <see cref="WalkSteps"/> steps), each candidate fitted and scored by <paramref name="refine"/>.
    /// </summary>
    private static (AlsOptions Parameters, AlsModel Model, double Value) Walk(
        (AlsOptions Parameters, AlsModel Model, double Value) best,
        Func<AlsOptions, AlsOptions> up,
        Func<AlsOptions, AlsOptions> down,
        Func<IEnumerable<AlsOptions>, (AlsOptions Parameters, AlsModel Model, double Value), (AlsOptions Parameters, AlsModel Model, double Value)> refine)
    {
        foreach (var step in new[] { up, down })
        {
            var moved = false;
            for (var i = 0; i < WalkSteps; i++)
            {
                var next = refine([step(best.Parameters)], best);
                if (ReferenceEquals(next.Model, best.Model)) { break; }
                best = next;
                moved = true;
            }

            if (moved) { break; } // the other direction leads back to values already beaten
        }

        return best;
    }

    /// <summary>How a validation split of this kind is made, for the report.</summary>
    public static string Describe(SplitKind kind, double fraction, int seed, int lastCount = 3) => kind switch
    {
        SplitKind.Random => Invariant($"random per-user holdout, {fraction:P0} of each user's train ratings (seed {seed})"),
        SplitKind.Temporal => Invariant($"temporal per-user holdout, each user's latest {fraction:P0} of train ratings"),
        _ => Invariant($"leave-last-out, each user's last {lastCount} train ratings"),
    };

    /// <summary>Fits and scores every candidate; keeps the best model.</summary>
    private static (TParameters Parameters, TModel Model, double Value) Search<TParameters, TModel>(IEnumerable<TParameters> candidates, Func<TParameters, TModel> fit, Func<TModel, double> score, Func<TParameters, string> describe, Action<string> note)
        where TModel : IScoringModel
    {
        (TParameters Parameters, TModel Model, double Value)? best = null;
        foreach (var p in candidates)
        {
            var model = fit(p);
            var v = score(model);
            note(Invariant($"{describe(p)}: ndcg={v:F4}"));
            if (best is null || v > best.Value.Value) { best = (p, model, v); }
        }

        return best ?? throw new ArgumentException("A tuning grid is empty.");
    }

    /// <summary>
    /// Like <see cref="Search"/> over a sorted grid, but walking from its middle value: up while that improves, else
    /// down while that improves (each fit costs an inversion, and the objective is unimodal in these parameters).
    /// </summary>
    private static (float Parameters, EaseModel Model, double Value) GridWalk(float[] values, Func<float, EaseModel> fit, Func<EaseModel, double> score, Func<float, string> describe, Action<string> note)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) { throw new ArgumentException("A tuning grid is empty."); }
        (float Parameters, EaseModel Model, double Value) Try(int i)
        {
            var model = fit(sorted[i]);
            var v = score(model);
            note(Invariant($"{describe(sorted[i])}: ndcg={v:F4}"));
            return (sorted[i], model, v);
        }

        var at = (sorted.Length - 1) / 2;
        var best = Try(at);
        foreach (var direction in new[] { 1, -1 })
        {
            var moved = false;
            for (var i = at + direction; i >= 0 && i < sorted.Length; i += direction)
            {
                var next = Try(i);
                if (next.Value <= best.Value) { break; }
                best = next;
                moved = true;
            }

            if (moved) { break; }
        }

        return best;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Values tried per hyperparameter; empty lists keep the starting value (except the required grids).</summary>
internal sealed record TuningGrid(
    int[] KnnNeighbours,
    float[] KnnShrink,
    float[] AlsAlpha,
    float[] AlsLambda,
    float[] EaseLambda,
    float[] RecencyHalfLife,
    float[]? AlsFrequencyValues = null,
    float[]? EdlaeDropoutValues = null,
    float[]? Rp3AlphaValues = null,
    float[]? Rp3BetaValues = null,
    int[]? AlsFactorsValues = null)
{
    /// <summary>Wider ALS factorisations tried at the best α, λ, ν (kept only if better on validation).</summary>
    public int[] AlsFactors => AlsFactorsValues ?? [];

    public float[] AlsFrequency => AlsFrequencyValues ?? [];

    public float[] EdlaeDropout => EdlaeDropoutValues ?? [0.25f];

    public float[] Rp3Alpha => Rp3AlphaValues ?? [0.8f];

    public float[] Rp3Beta => Rp3BetaValues ?? [0.3f];

    /// <summary>The offline evaluation's grid: also tries 128 ALS factors.</summary>
    public static TuningGrid Default { get; } = new(
        [200], [10f, 50f], [3f, 10f, 30f], [10f, 50f, 150f], [50f, 100f, 200f, 400f, 800f, 1600f, 3200f, 6400f], [0f, 5f, 20f, 80f],
        [0.5f, 1f], [0.1f, 0.25f, 0.4f, 0.55f, 0.7f, 0.8f], [0.6f, 1f], [0.2f, 0.4f, 0.6f], [128]);

    /// <summary>For served bundles: the taste vector keeps its trained width so that fold-in stays within its budget.</summary>
    public static TuningGrid Serving { get; } = Default with { AlsFactorsValues = [] };
}
