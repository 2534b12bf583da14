using System.CommandLine;
using System.Diagnostics;
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
        var groups = new Option<int>("--groups") { Description = "Groups per kind and size (drawn independently; a user may be in several).", DefaultValueFactory = _ => 500 };
        var threshold = new Option<float?>("--relevance-threshold") { Description = "Test ratings at or above this are relevant (default: every held-out item)." };
        var keepDislikes = new Option<bool>("--keep-predicted-dislikes") { Description = "Let strategies shortlist titles a member is predicted to dislike (measures what avoiding them costs)." };
        foreach (var option in new Option[] { k, sizes, groups, threshold, keepDislikes })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var (name, splitName, split, catalog) = input.Load(parse);
            var watch = Stopwatch.StartNew();
            var bundle = BundleTrainer.Train(split.Train, catalog, new BundleTrainingOptions
            {
                Tune = !parse.GetValue(input.NoTune),
                Factors = parse.GetValue(input.Factors),
                Iterations = parse.GetValue(input.Iterations),
                EaseHeadSize = parse.GetValue(input.EaseHead),
                DislikeAtOrBelow = parse.GetValue(input.DislikeAtOrBelow),
                Seed = parse.GetValue(input.Seed),
                MaxParallelism = parse.GetValue(input.Threads),
                Version = "evaluate-groups",
            }, Console.Error.WriteLine);
            Console.Error.WriteLine($"trained on {split.Train.Count} train ratings in {watch.Elapsed.TotalSeconds:F1} s");
            watch.Restart();
            var report = GroupEvaluator.Run(
                new RecommenderEngine(bundle),
                split,
                name,
                splitName,
                parse.GetValue(sizes) ?? [3, 5],
                parse.GetValue(groups),
                parse.GetValue(k),
                parse.GetValue(threshold),
                parse.GetValue(input.Seed),
                avoidPredictedDislikes: !parse.GetValue(keepDislikes));
            Console.WriteLine(report.ToTable());
            Console.Error.WriteLine($"groups ranked in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
