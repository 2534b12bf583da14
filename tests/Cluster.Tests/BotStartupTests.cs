using System.Diagnostics;
using System.Globalization;
using CineSync.Cluster.Tests.Infrastructure;
using CineSync.Testing.Cluster;
using Npgsql;

namespace CineSync.Cluster.Tests;

/// <summary>The standalone bot (the real <c>src/BotClient</c> executable, console mode) started before any silo.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BotStartupTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_bot_started_before_any_silo_keeps_retrying_with_a_warning_and_serves_once_a_silo_is_up()
    {
        var connectionString = fixture.Database.ConnectionString;
        var clusterId = SiloCluster.NewClusterId("botfirst");
        const long user = 424_242_424_242;
        await using var bot = ChildProcess.Start("bot", fixture.BotClientDll,
        [
            $"--Cluster:ClusterId={clusterId}",
            $"--ConnectionStrings:CineSync={connectionString}",
            "--Cluster:ConnectRetryDelay=00:00:01",
            "--Console:UserId=" + user.ToString(CultureInfo.InvariantCulture),
        ], Path.GetTempPath());

        // Two attempts logged and the process still there: it waits instead of exiting.
        var second = await bot.WaitForLineAsync(l => l.Contains("No silo of cluster", StringComparison.Ordinal) && l.Contains("(attempt 2)", StringComparison.Ordinal), Safety, "a second 'no silo reachable yet' warning");
        output.WriteLine("bot: " + second.Trim());
        Assert.False(bot.HasExited);
        Assert.DoesNotContain(bot.Lines, l => l.Contains("CineSync console", StringComparison.Ordinal)); // nothing served before it is connected

        await using var silo = SiloProcess.Start(fixture.SiloDll, connectionString, clusterId, new SiloLaunch("solo", "model,taste"));
        await silo.WaitHealthyAsync(Safety);
        var siloUp = Stopwatch.StartNew();
        output.WriteLine($"silo {silo}: /health 200 after {silo.HealthyAfter?.TotalSeconds:0.0} s");

        await bot.WaitForLineAsync(l => l.Contains("CineSync console: you are user", StringComparison.Ordinal), Safety, "the console greeting (connected)");
        var connectedAfter = siloUp.Elapsed;
        await bot.Input.WriteLineAsync("/rate title:\"Toy Story\" stars:4");
        await bot.Input.FlushAsync();
        var reply = await bot.WaitForLineAsync(l => l.Contains("Rated Toy Story (1995)", StringComparison.Ordinal), Safety, "the rating's confirmation");
        output.WriteLine("bot: " + reply.Trim());
        var attempts = bot.Lines.Count(l => l.Contains("No silo of cluster", StringComparison.Ordinal));
        output.WriteLine($"figures: {attempts} retry warnings; connected {connectedAfter.TotalSeconds:0.0} s after the silo's /health answered");

        Assert.Equal(4.0m, await StoredRatingAsync(connectionString, user));
        Assert.False(bot.HasExited);
    }

    private static async Task<decimal?> StoredRatingAsync(string connectionString, long user)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT r.rating FROM user_ratings r JOIN movies m USING (movie_id) WHERE r.user_id = @user AND m.title = 'Toy Story' AND m.year = 1995", connection);
        command.Parameters.AddWithValue("user", user);
        return (decimal?)await command.ExecuteScalarAsync();
    }
}
