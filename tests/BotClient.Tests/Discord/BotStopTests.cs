using CineSync.Testing;
using Microsoft.Extensions.Logging.Testing;
using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Hosting;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>What members and operators see when Discord turns the bot away, or sends it something it no longer knows.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BotStopTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = DiscordScene.Wait;

    [Fact]
    public async Task A_revoked_token_stops_the_bot_with_a_critical_line_and_the_host_keeps_serving()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var status = scene.Bot.Services.GetRequiredService<DiscordBotStatus>();
        var stopped = new TaskCompletionSource();
        using var registration = status.Stopped.Register(() => stopped.TrySetResult());
        await scene.Discord.Gateway.WaitForReadyAsync(timeout: Wait);

        await scene.Discord.Gateway.CloseWithAsync(4004, "Authentication failed");
        await stopped.Task.WaitAsync(Wait);

        Assert.False(scene.Bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Contains(scene.Logs.Lines, line => line.StartsWith("Critical", StringComparison.Ordinal) && line.Contains("The Discord bot stopped", StringComparison.Ordinal) && line.Contains("4004", StringComparison.Ordinal));
        var health = await scene.Bot.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Entries["discord"].Status);
        Assert.Empty(scene.Discord.Gateway.UnansweredCloses);
        Assert.NotNull(await cluster.Silo.Client.GetGrain<ICatalogueGrain>(0).ResolveAsync("The Matrix"));
        Assert.Equal(78, Bot.Hosting.BotExitCodes.For(scene.Bot.Services));
    }

    [Fact]
    public async Task A_wrong_token_at_start_up_stops_only_the_bot_and_the_host_starts()
    {
        await using var discord = await CineSync.Discord.Emulator.DiscordEmulator.StartAsync(new CineSync.Discord.Emulator.DiscordEmulatorOptions { OpenApiSpecPath = CineSync.Testing.SharedPaths.DiscordOpenApiSpec, WaitTimeout = Wait });
        var logs = new FakeLoggerProvider();
        using var bot = BotHosts.Build(cluster.Silo.Client, new Dictionary<string, string?>
        {
            ["Discord:Token"] = "revoked.token.value",
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl + "/",
            ["Discord:GatewayUrl"] = discord.GatewayUrl,
        }, logs);

        await bot.StartAsync();
        try
        {
            var status = bot.Services.GetRequiredService<DiscordBotStatus>();
            Assert.True(status.IsStopped);
            Assert.Contains("401", status.StoppedReason, StringComparison.Ordinal);
            Assert.Contains(logs.Lines, line => line.StartsWith("Critical", StringComparison.Ordinal) && line.Contains("The Discord bot stopped", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Lines, line => line.Contains("revoked.token.value", StringComparison.Ordinal));
        }
        finally
        {
            await bot.StopAsync();
        }
    }

    [Fact]
    public async Task A_command_left_over_from_an_earlier_run_gets_an_ephemeral_no_longer_available()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var stale = await scene.Discord.SendStaleSlashCommandAsync(alice, scene.Channel, "recommend_old");
        var reply = await stale.WaitForReplyAsync(timeout: Wait);

        Assert.True(reply.IsEphemeral);
        Assert.Contains("no longer available", reply.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }
}
