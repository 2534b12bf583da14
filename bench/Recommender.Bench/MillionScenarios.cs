using System.Diagnostics;
using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Bench;

/// <summary>
/// Timing on synthetic data shaped like MovieLens-1M (6,040 users, 3,706 items, ~1 M interactions). Synthetic
/// only: real MovieLens-1M is the unseen acceptance set and is never read here.
/// </summary>
internal static class MillionScenarios
{
    private static RatingsDataset Shaped(double interactions) => SyntheticData.Create(users: 6040, items: 3706, ratingsPerUser: (int)(interactions / 6040));

    /// <summary>Every member trained on 1 M interactions plus the blend learned on cached validation scores.</summary>
    public static void TrainAll()
    {
        var data = Shaped(1_000_000);
        var train = TrainingData.Create(data.Ratings);
        var options = new TrainingOptions(Policy: new RatingPolicy(DislikeAtOrBelow: -1f));

        // Baseline in the same process: the previous default (EASE on a 3,000-item head, 5 members' worth of work).
        var baseline = Stopwatch.StartNew();
        EaseModel.Fit(train, 3000, 250f);
        var baselineSeconds = baseline.Elapsed.TotalSeconds;

        var watch = Stopwatch.StartNew();
        var suite = ModelSuite.Train(train, [], options);
        var members = watch.Elapsed.TotalSeconds;
        var split = DataSplitter.Split(data.Ratings, SplitKind.Random, 0.2, seed: 1);
        var evaluator = new Evaluator(train, split.Test, new EvaluationOptions(), options.PolicyOrDefault);
        var usable = Enumerable.Range(0, suite.Models.Count).Select(suite.Usable).ToArray();
        BlendLearner.Create(suite, evaluator).Learn(usable, ModelSuite.Names, _ => { });
        var total = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"    per member: {string.Join(", ", suite.TrainSeconds.Select(p => $"{p.Key} {p.Value:F1} s"))}; blend {total - members:F1} s");
        Console.WriteLine($"    baseline in this process: EASE on a 3,000-item head alone {baselineSeconds:F1} s (ratio {total / baselineSeconds:F1}×)");
        Scenarios.Report($"train all {suite.Models.Count} members + blend, {train.UserItems.NonZeros / 1e6:F2}M synthetic interactions, {train.ItemCount} items", total, "s", 90);
    }

    /// <summary>The whole default evaluate (tuning included) on a random 70/10/20 per-user split of 836 k interactions (ML-1M with ratings ≥ 3).</summary>
    public static void Evaluate()
    {
        var data = Shaped(836_000);
        var split = DataSplitter.Split(data.Ratings, SplitKind.Random, 0.2, seed: 7);
        var trainPart = DataSplitter.Split(split.Train, SplitKind.Random, 0.125, seed: 8).Train; // 70 % of all: drop the 10 % validation part
        var options = new TrainingOptions(Policy: new RatingPolicy(DislikeAtOrBelow: -1f));
        var watch = Stopwatch.StartNew();
        var (report, _, _) = EvaluationRun.Run("synthetic-1m", "random 70/20", new RatingsSplit(trainPart, split.Test), [], options, new EvaluationOptions(), TuningGrid.Default, line => Console.Error.WriteLine(line));
        var seconds = watch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        Console.Write(report.ToTable());
        Scenarios.Report($"whole evaluate with tuning, {trainPart.Count / 1e3:F0}k train / {split.Test.Count / 1e3:F0}k test synthetic interactions", seconds, "s", 180);
        Scenarios.Report("peak working set of the process", process.PeakWorkingSet64 / 1e9, "GB", 2);
    }
}
