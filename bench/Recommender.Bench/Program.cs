using CineSync.Recommender.Bench;
using CineSync.Recommender.Evaluation;

var scenarios = new Dictionary<string, Action>(StringComparer.OrdinalIgnoreCase)
{
    ["als-small"] = Scenarios.AlsSmall,
    ["als-1m"] = Scenarios.AlsMillion,
    ["ease"] = Scenarios.EaseHead,
    ["foldin"] = Scenarios.FoldIn,
    ["topk"] = Scenarios.TopK,
    ["bundle"] = Scenarios.Bundle,
    ["train-1m"] = MillionScenarios.TrainAll,
    ["evaluate-1m"] = MillionScenarios.Evaluate,
};

var chosen = args.Length == 0 ? ["all"] : args;
Console.WriteLine($"machine: {MachineInfo.Describe()} (shared with other builds: figures are indicative)");
foreach (var name in chosen)
{
    if (name == "all")
    {
        foreach (var run in scenarios.Values) { run(); }
    }
    else if (scenarios.TryGetValue(name, out var run))
    {
        run();
    }
    else
    {
        Console.Error.WriteLine($"unknown scenario '{name}'; choose from: all, {string.Join(", ", scenarios.Keys)}");
        return 2;
    }
}

return 0;
