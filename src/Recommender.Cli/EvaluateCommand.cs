using System.CommandLine;
using System.Text.Json;
using CineSync.Recommender.Evaluation;

namespace CineSync.Recommender.Cli;

/// <summary><c>evaluate</c>: trains every model on train data only and reports full-ranking metrics on test data.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("evaluate", "Train on train data only, evaluate every model and the ensemble on test data.");
        var input = new InputOptions(command);
        var k = new Option<int>("--k") { Description = "Cut-off of the top-K metrics.", DefaultValueFactory = _ => 10 };
        var threshold = new Option<float?>("--relevance-threshold") { Description = "Test ratings at or above this are relevant (default: every test item is relevant)." };
        var sampled = new Option<bool>("--sampled") { Description = "Also run the NCF sampled protocol (1 positive + 99 sampled negatives)." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var dumpTopK = new Option<FileInfo?>("--dump-topk")
        {
            Description = "Write every evaluated user's top-K per model and for the ensemble as CSV: model,user,rank,item (rank 1 = best; "
                + "users are those averaged in the report: a training history and at least one relevant test item).",
        };
        command.Options.Add(dumpTopK);
        var objective = new Option<string>("--tune-metric") { Description = "Validation metric tuning maximises: ndcg (full ranking) | sampled-ndcg.", DefaultValueFactory = _ => "ndcg" };
        command.Options.Add(objective);
        command.Options.Add(k);
        command.Options.Add(threshold);
        command.Options.Add(sampled);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var (name, splitName, split, catalog) = input.Load(parse);
            var tuneMetric = parse.GetValue(objective) switch
            {
                "ndcg" => TuningObjective.Ndcg,
                "sampled-ndcg" => TuningObjective.SampledNdcg,
                var other => throw new ArgumentException($"Unknown --tune-metric '{other}'."),
            };
            var evaluation = new EvaluationOptions(parse.GetValue(k), parse.GetValue(threshold), parse.GetValue(sampled), Seed: parse.GetValue(input.Seed), Objective: tuneMetric);
            using var dump = parse.GetValue(dumpTopK) is { } dumpFile ? new TopListWriter(dumpFile.FullName) : null;
            var (report, _, _) = EvaluationRun.Run(name, splitName, split, catalog, input.Training(parse), evaluation, input.Grid(parse), Console.Error.WriteLine, dump is null ? null : dump.Write);
            Console.WriteLine(report.ToTable());
            if (dump is not null)
            {
                Console.WriteLine($"top-{evaluation.K} lists written to {dump.Path}");
            }

            if (parse.GetValue(json) is { } file)
            {
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, EvaluationJsonContext.Default.EvaluationReport));
                Console.WriteLine($"JSON written to {file.FullName}");
            }

            return 0;
        });
        return command;
    }
}
