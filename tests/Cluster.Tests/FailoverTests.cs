using CineSync.Cluster.Tests.Infrastructure;
using CineSync.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;

namespace CineSync.Cluster.Tests;

/// <summary>
/// Three real silo processes (one with the <c>model</c> role) and the bot's cluster client under continuous rating
/// load; one taste silo is killed with SIGKILL mid-load.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailoverTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(120);

    /// <summary>
    /// What can happen to a call caught by the kill (seen here: the first two). It was sent towards the dead silo before
    /// the cluster declared it dead and its connection was refused (rejected, silo unavailable, connection failed), or it
    /// was in flight through the dead silo or its gateway and never answered (timeout: Orleans breaks outstanding calls
    /// to a dead silo only where it tracks them by that silo's address, not those a client sent through a gateway).
    /// Anything else (a refusal, a storage error) would be a fault of CineSync's own.
    /// </summary>
    private static readonly string[] ExpectedFailureKinds =
    [
        "OrleansMessageRejectionException",
        "TimeoutException",
        "SiloUnavailableException",
        "ConnectionFailedException",
    ];

    [Fact]
    public async Task Killing_a_taste_silo_mid_load_loses_no_acknowledged_rating_and_its_users_answer_again_on_the_others()
    {
        var database = fixture.Database;
        output.WriteLine($"database: ml-latest-small and a small model prepared in {database.PreparedIn.TotalSeconds:0.0} s");
        var clusterId = SiloCluster.NewClusterId("failover");
        await using var cluster = await SiloCluster.StartAsync(
            fixture.SiloDll, database.ConnectionString, clusterId, [new("a", "model,taste"), new("b", "taste"), new("c", "taste")], Safety);
        foreach (var silo in cluster.Silos)
        {
            output.WriteLine($"silo {silo}: /health 200 after {silo.HealthyAfter?.TotalSeconds:0.0} s");
        }

        output.WriteLine($"all three Active in the membership table {cluster.ReadyAfter.TotalSeconds:0.0} s after the first start");
        var logs = new TestOutputLogger(output, LogLevel.Warning);
        using var timeout = new CancellationTokenSource(Safety);
        using var host = await BotClusterClient.StartAsync(database.ConnectionString, clusterId, logs, timeout.Token);
        var client = host.Services.GetRequiredService<IClusterClient>();

        FailoverReport report;
        try
        {
            report = await FailoverScenario.RunAsync(cluster, cluster["b"], client, database.MoviesByPopularity, new FailoverOptions(), output.WriteLine);
        }
        finally
        {
            WriteSiloComplaints(cluster);
        }

        foreach (var line in report.Describe())
        {
            output.WriteLine(line);
        }

        Assert.NotEmpty(report.MovedUsers); // the kill hit users: otherwise nothing below would mean anything
        Assert.Empty(report.MissingAcknowledged);
        Assert.Empty(report.SilentMovedUsers);
        Assert.Empty(report.ForgottenRatings);
        Assert.NotEmpty(report.AfterRecovery); // the load went on after the failover
        Assert.All(report.FailuresByKind.Keys, kind => Assert.Contains(kind.Split('(')[0], ExpectedFailureKinds)); // "Type(Cause)"
        Assert.Equal(0, report.PendingAtStop);
        // No call hangs: every call ended (PendingAtStop) and one that got no answer ended as the client's own
        // TimeoutException (an expected kind above). How long that took depends on the machine, so it is a figure, not a test.
        output.WriteLine($"slowest call: {report.SlowestCall.TotalSeconds:0.0} s (client response timeout {report.Options.ResponseTimeout.TotalSeconds:0} s)");
        Assert.Equal(["a"], report.ModelActivations.Keys);

        // The survivors stay members: the kill of one silo must not take a healthy one with it.
        var members = await MembershipTable.ReadAsync(database.ConnectionString, clusterId);
        Assert.All(members.Where(m => m.SiloName is "a" or "c"), m => Assert.Equal(MemberRow.Active, m.Status));
    }

    /// <summary>The survivors' warnings and errors, for the record (they are part of what an operator would see).</summary>
    private void WriteSiloComplaints(SiloCluster cluster)
    {
        foreach (var silo in cluster.Silos)
        {
            var complaints = silo.Process.Lines.Where(l => l.Contains("warn:", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal)).ToList();
            output.WriteLine($"silo {silo.Name}: {silo.Process.Lines.Count} log lines, {complaints.Count} warnings or errors{(complaints.Count > 0 ? "; the last ones:" : "")}");
            foreach (var line in complaints.TakeLast(8))
            {
                output.WriteLine("  " + (line.Length > 400 ? line[..400] + "…" : line));
            }
        }
    }
}
