using CineSync.Runtime.Bench;

// dotnet run -c Release --project bench/Runtime.Bench -- [ping-hosted|ping-tcp|activation|cross-silo|failover|all] [seconds]
// (cross-silo and failover start tests/Runtime.TestSilo processes and a private PostgreSQL; not part of "all")
var scenario = args.Length > 0 ? args[0] : "all";
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
if (scenario == "silo")
{
    await PingTcp.RunSiloAsync(port: 0);
    return;
}

Machine.Print();
var duration = TimeSpan.FromSeconds(seconds);
if (scenario is "ping-hosted" or "all")
{
    await PingHosted.RunAsync(duration);
}

if (scenario is "ping-tcp" or "all")
{
    await PingTcp.RunAsync(duration);
}

if (scenario is "activation" or "all")
{
    await ActivationBench.RunAsync(1_000_000);
}

if (scenario == "cross-silo")
{
    await ClusterBench.RunCrossSiloAsync(duration, concurrency: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500);
}

if (scenario == "failover")
{
    await ClusterBench.RunFailoverAsync();
}
