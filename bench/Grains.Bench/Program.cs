using CineSync.Grains.Bench;

// dotnet run -c Release --project bench/Grains.Bench -- [recommend|rate|memory|titles|all]
var scenario = args.FirstOrDefault() ?? "all";
Console.WriteLine($"machine: {Machine.Describe()} (shared with other builds: figures are indicative)");
if (scenario is "titles" or "all")
{
    await TitleCoverage.RunAsync();
    if (scenario == "titles")
    {
        return;
    }
}

await using var cluster = await BenchCluster.StartAsync();
if (scenario is "recommend" or "all")
{
    await Scenarios.RecommendAsync(cluster);
}

if (scenario is "rate" or "all")
{
    await Scenarios.RateAsync(cluster);
}

if (scenario is "memory" or "all")
{
    await Scenarios.MemoryAsync(cluster);
}
