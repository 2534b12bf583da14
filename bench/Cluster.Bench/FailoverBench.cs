using System.Globalization;
using CineSync.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Cluster.Bench;

/// <summary>
/// The failover test's scenario, longer and with more users: three real silo processes (a: model,taste; b, c: taste)
/// over a private PostgreSQL, the bot's cluster client rating continuously, <c>kill -9</c> of b mid-load.
/// </summary>
internal static class FailoverBench
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan RecoveryTarget = TimeSpan.FromSeconds(10);

    public static async Task RunAsync()
    {
        var siloDll = BuiltExecutable.Silo(typeof(FailoverBench).Assembly);
        var database = await CatalogDatabase.CreateAsync("clusterbench");
        Console.WriteLine($"failover setup: ml-latest-small imported and a small model trained in {database.PreparedIn.TotalSeconds:0.0} s");
        var clusterId = SiloCluster.NewClusterId("bench");
        var logs = Path.Combine(Path.GetTempPath(), "cinesync-cluster-bench", clusterId);
        await using var cluster = await SiloCluster.StartAsync(siloDll, database.ConnectionString, clusterId,
            [new("a", "model,taste"), new("b", "taste"), new("c", "taste")], Safety, logs);
        var ready = string.Join(", ", cluster.Silos.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.HealthyAfter?.TotalSeconds:0.0} s")));
        Console.WriteLine($"silo processes: /health 200 after {ready}; all Active after {cluster.ReadyAfter.TotalSeconds:0.0} s; logs in {logs}");

        var builder = Host.CreateApplicationBuilder([$"--Cluster:ClusterId={clusterId}", $"--ConnectionStrings:CineSync={database.ConnectionString}"]);
        builder.Logging.ClearProviders();
        builder.AddCineSyncClusterClient();
        using var host = builder.Build();
        await host.StartAsync();

        var options = new FailoverOptions
        {
            Users = 1000,
            Workers = 16,
            LoadBeforeKill = TimeSpan.FromSeconds(15),
            LoadAfterRecovery = TimeSpan.FromSeconds(15),
            SafetyTimeout = Safety,
        };
        var report = await FailoverScenario.RunAsync(cluster, cluster["b"], host.Services.GetRequiredService<IClusterClient>(),
            database.MoviesByPopularity, options, line => Console.WriteLine("  " + line));
        foreach (var line in report.Describe())
        {
            Console.WriteLine("failover: " + line);
        }

        Console.WriteLine($"failover targets: moved grains answer again ≤ {RecoveryTarget.TotalSeconds:0} s: {Verdict(report.AllMovedAnsweredAfter <= RecoveryTarget)}; " +
            $"0 acknowledged ratings missing: {Verdict(report.MissingAcknowledged.Count == 0)}; " +
            $"slowest failure ≤ response timeout ({options.ResponseTimeout.TotalSeconds:0} s): {Verdict((report.SlowestFailure ?? TimeSpan.Zero) <= options.ResponseTimeout)} " +
            $"({((report.SlowestFailure ?? TimeSpan.Zero) - options.ResponseTimeout).TotalSeconds:+0.00;-0.00} s; Orleans checks expired calls about once a second); " +
            $"ModelGrain only on a: {Verdict(report.ModelActivations.Keys.SequenceEqual(["a"]))}");
        await host.StopAsync();
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
