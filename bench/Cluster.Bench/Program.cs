using CineSync.Cluster.Bench;

// dotnet run -c Release --project bench/Cluster.Bench -- [failover|ping|all]
// (the ping scenario runs this executable a second time, as "ping-silo", to host the grains in a process of their own)
if (args is [PingSilo.Verb, ..])
{
    return await PingSilo.RunAsync(args[1..]);
}

var scenario = args.FirstOrDefault() ?? "all";
if (scenario is not ("failover" or "ping" or "all"))
{
    Console.Error.WriteLine("usage: Cluster.Bench [failover|ping|all]");
    return 2;
}

Console.WriteLine($"machine: {Machine.Describe()} (shared with other builds: figures are indicative)");
if (scenario is "ping" or "all")
{
    await PingBench.RunAsync();
}

if (scenario is "failover" or "all")
{
    await FailoverBench.RunAsync();
}

return 0;
