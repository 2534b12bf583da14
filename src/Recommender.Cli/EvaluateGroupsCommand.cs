using System.CommandLine;
using System.Diagnostics;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Cli;

/// <summary>
/// <c>evaluate-groups</c>: trains on the train part only, forms groups of test users (random and similar), and reports
/// each group strategy's mean and minimum member NDCG@K beside the members' personal lists merged.
/// </summary>
internal static class EvaluateGroupsCommand
{
    public static Command Create()
    {
        var command = new Command("evaluate-groups", "Group recommendation quality: each strategy's mean and least-served member NDCG@K against a merge of personal lists.");
        var input = new InputOptions(command);
        var k = new Option<int>("--k") { Description = "Cut-off.", DefaultValueFactory = _ => 10 };
        var sizes = new Option<int[]>("--sizes") { Description = "Group sizes.", DefaultValueFactory = _ => [3, 5], AllowMultipleArgumentsPerToken = true };
        var groups = new Option<int>("--groups") { Description = "Groups per kind and size (drawn independently; a user may be in several).", DefaultValueFactory = _ => 2000 };
        var threshold = new Option<float?>("--relevance-threshold") { Description = "Test ratings at or above this are relevant (default: every held-out item)." };
        var keepDislikes = new Option<bool>("--keep-predicted-dislikes") { Description = "Let strategies shortlist titles a member is predicted to dislike (measures what avoiding them costs)." };
        var prior = new Option<bool>("--relevance-prior") { Description = "Use the a-priori relevance-by-rank curve instead of calibrating it on a validation split carved from train." };
        var onValidation = new Option<bool>("--on-validation") { Description = "Measure on a validation split carved from train instead of the test part (to choose strategies and settings without looking at test)." };
        foreach (var option in new Option[] { k, sizes, groups, threshold, keepDislikes, prior, onValidation })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var (name, splitName, split, catalog) = input.Load(parse);
            if (parse.GetValue(onValidation))
            {
                split = CarveValidation(split.Train, parse, input);
                splitName = $"validation carved from the train part of {splitName}";
            }

            var watch = Stopwatch.StartNew();
            var options = new BundleTrainingOptions
            {
                Tune = !parse.GetValue(input.NoTune),
                Factors = parse.GetValue(input.Factors),
                Iterations = parse.GetValue(input.Iterations),
                EaseHeadSize = parse.GetValue(input.EaseHead),
                DislikeAtOrBelow = parse.GetValue(input.DislikeAtOrBelow),
                Seed = parse.GetValue(input.Seed),
                MaxParallelism = parse.GetValue(input.Threads),
                Version = "evaluate-groups",
            };
            var curve = RelevanceCurve.Prior;
            if (!parse.GetValue(prior))
            {
                // The curve comes from train alone: a validation split carved from it, the same way the test part was.
                var validation = CarveValidation(split.Train, parse, input);
                var calibration = new RecommenderEngine(BundleTrainer.Train(validation.Train, catalog, options, Console.Error.WriteLine));
                curve = RelevanceCalibration.Fit(calibration, validation.Train, validation.Test, parse.GetValue(threshold));
                Console.Error.WriteLine($"relevance by rank calibrated on {validation.Test.Count} validation ratings carved from train: {curve}");
            }

            var bundle = BundleTrainer.Train(split.Train, catalog, options, Console.Error.WriteLine);
            Console.Error.WriteLine($"trained on {split.Train.Count} train ratings in {watch.Elapsed.TotalSeconds:F1} s");
            watch.Restart();
            var report = GroupEvaluator.Run(
                new RecommenderEngine(bundle) { GroupRelevance = curve },
                split,
                name,
                splitName,
                parse.GetValue(sizes) ?? [3, 5],
                parse.GetValue(groups),
                parse.GetValue(k),
                parse.GetValue(threshold),
                parse.GetValue(input.Seed),
                avoidPredictedDislikes: !parse.GetValue(keepDislikes),
                parallelism: parse.GetValue(input.Threads));
            Console.WriteLine(report.ToTable());
            Console.Error.WriteLine($"groups ranked in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }

    /// <summary>Validation is carved from train the way the test part was carved from the data.</summary>
    private static RatingsSplit CarveValidation(IReadOnlyList<RatingRecord> train, ParseResult parse, InputOptions input)
    {
        var kind = parse.GetValue(input.Split) switch
        {
            "random" => SplitKind.Random,
            "leave-last-out" or "loo" => SplitKind.LeaveLastOut,
            _ => SplitKind.Temporal,
        };
        return DataSplitter.Split(train, kind, parse.GetValue(input.TestFraction), parse.GetValue(input.Seed));
    }
}
