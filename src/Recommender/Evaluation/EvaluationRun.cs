using System.Globalization;
using CineSync.Recommender.Data;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Evaluation;

/// <summary>Trains every model on the train ratings only (tuning on a validation split of them) and evaluates on test.</summary>
internal static class EvaluationRun
{
    public static (EvaluationReport Report, ModelSuite Suite, BlendWeights Blend) Run(
        string dataset,
        string split,
        RatingsSplit data,
        IReadOnlyList<ItemMetadata> catalog,
        TrainingOptions options,
        EvaluationOptions evaluation,
        TuningGrid? grid,
        Action<string> log,
        Action<TopListEntry>? dump = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(log);
        var tuningLog = new List<string>();
        var blend = BlendWeights.Global(ModelSuite.DefaultWeights);
        var detected = SplitDetector.Detect(data);
        var protocol = "none (--no-tune: default hyperparameters and weights)";
        if (grid is not null)
        {
            log($"test split looks {detected.Kind} ({detected.TestFraction:P0} held out); validation imitates it");
            var tuned = Tuner.Tune(data.Train, catalog, options, evaluation, grid, detected, log);
            options = tuned.Options;
            blend = tuned.Blend;
            protocol = tuned.Protocol;
            tuningLog.AddRange(tuned.Log);
        }

        var train = TrainingData.Create(data.Train, catalog);
        var suite = ModelSuite.Train(train, catalog, options);
        var unusable = Enumerable.Range(0, suite.Models.Count).Where(m => !suite.Usable(m)).ToArray();
        if (unusable.Length > 0)
        {
            // Content without a catalogue scores every item alike: it sits out rather than adding noise.
            var zeroed = (float[])blend.Weights.Clone();
            var bucketWeights = blend.BucketWeights.Select(w => (float[])w.Clone()).ToArray();
            foreach (var m in unusable)
            {
                zeroed[m] = 0f;
                foreach (var b in bucketWeights) { b[m] = 0f; }
                log($"{suite.Models[m].Name}: sits out (no catalogue features)");
            }

            blend = blend with { Weights = zeroed, BucketWeights = bucketWeights };
        }

        var policy = options.PolicyOrDefault;
        var evaluator = new Evaluator(train, data.Test, evaluation, policy);
        var similarity = Similarity(suite);
        var results = new List<ModelEvaluation>();
        foreach (var model in suite.Models.Where((_, m) => suite.Usable(m)))
        {
            var metrics = evaluator.Evaluate((_, p, s) => model.Score(p, s), similarity, Dump(model.Name, train, dump));
            results.Add(new ModelEvaluation(model.Name, suite.TrainSeconds[model.Name], metrics));
            log(string.Create(CultureInfo.InvariantCulture, $"{model.Name}: ndcg@{evaluation.K}={metrics.Ndcg:F4} recall={metrics.Recall:F4}"));
        }

        var ensemble = blend.Ensemble(suite.Models, train.ItemCount);
        var scratches = new System.Collections.Concurrent.ConcurrentBag<EnsembleScratch>();
        var ensembleMetrics = evaluator.Evaluate((_, p, s) =>
        {
            var scratch = scratches.TryTake(out var x) ? x : new EnsembleScratch(suite.Models.Count, train.ItemCount);
            ensemble.Score(p, default, scratch);
            scratch.Combined.AsSpan(0, train.ItemCount).CopyTo(s);
            scratches.Add(scratch);
        }, similarity, Dump("ensemble", train, dump));
        results.Add(new ModelEvaluation("ensemble", suite.TrainSeconds.Values.Sum(), ensembleMetrics));

        var relevance = evaluation.RelevanceThreshold is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"test ratings >= {t}")
            : "all test items";
        var buckets = blend.BucketBounds.Select((bound, b) => new WeightBucket(bound, ModelSuite.Names.Zip(blend.BucketWeights[b]).ToDictionary(p => p.First, p => p.Second))).ToList();
        var report = new EvaluationReport(dataset, split, relevance, evaluation.K, data.Train.Count, data.Test.Count,
            Describe(options), ModelSuite.Names.Zip(blend.Weights).ToDictionary(p => p.First, p => p.Second), results, tuningLog, MachineInfo.Describe())
        {
            DetectedTestSplit = string.Create(CultureInfo.InvariantCulture, $"{detected.Kind} ({detected.TestFraction:P1} of ratings held out)"),
            ValidationProtocol = protocol,
            EnsembleWeightBuckets = buckets,
        };
        return (report, suite, blend);
    }

    private static Action<int, int[]>? Dump(string model, TrainingData train, Action<TopListEntry>? dump)
        => dump is null ? null : (user, top) =>
        {
            for (var rank = 0; rank < top.Length; rank++)
            {
                dump(new TopListEntry(model, train.Users[user], rank + 1, train.Items[top[rank]]));
            }
        };

    /// <summary>Item similarity for intra-list diversity: content (genres, tags, people) when known, else co-occurrence.</summary>
    public static Func<int, int, float> Similarity(ModelSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var content = (ContentModel)suite[ModelSuite.Content];
        var knn = (ItemKnnModel)suite[ModelSuite.Knn];
        return content.FeatureCount > 0 ? content.Similarity : (a, b) => Math.Max(knn.Similarity(a, b), knn.Similarity(b, a));
    }

    public static Dictionary<string, string> Describe(TrainingOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var c = CultureInfo.InvariantCulture;
        var als = o.AlsOrDefault;
        var p = o.PolicyOrDefault;
        return new Dictionary<string, string>
        {
            ["pop"] = string.Create(c, $"halfLifeDays={o.PopularityHalfLifeDays}"),
            ["knn"] = string.Create(c, $"neighbours={o.KnnNeighbours} shrink={o.KnnShrink}"),
            ["als"] = string.Create(c, $"factors={als.Factors} iterations={als.Iterations} lambda={als.Regularization} alpha={als.Alpha} cgSteps={als.CgSteps} nu={als.FrequencyExponent} seed={als.Seed}"),
            ["ease"] = string.Create(c, $"head={o.EaseHeadSize} lambda={o.EaseLambda}"),
            ["edlae"] = string.Create(c, $"head={o.EaseHeadSize} lambda={o.EdlaeLambda} dropout={o.EdlaeDropout}"),
            ["rp3b"] = string.Create(c, $"alpha={o.Rp3Alpha} beta={o.Rp3Beta} neighbours={o.Rp3Neighbours}"),
            ["content"] = string.Create(c, $"{o.ContentOrDefault}"),
            ["ratings"] = string.Create(c, $"dislikeAtOrBelow={p.DislikeAtOrBelow} dislikeWeight={p.DislikeWeight} maxRating={p.MaxRating} recencyHalfLife={p.RecencyHalfLife}"),
        };
    }
}

/// <summary>One line of a dumped top-K list: the item a model ranked at <paramref name="Rank"/> (1 = best) for a user.</summary>
/// <param name="Model">Model name or "ensemble".</param>
/// <param name="UserId">External user id.</param>
/// <param name="Rank">1-based rank.</param>
/// <param name="ItemId">External item id.</param>
internal readonly record struct TopListEntry(string Model, long UserId, int Rank, int ItemId);
