using CineSync.Testing;
using CineSync.Discord.Emulator.Gateway;
using CineSync.Discord.Tests.Fakes;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>Gateway rules a client can break: staying silent, identifying too fast.</summary>
public sealed class GatewayLimitsSelfTests
{
    [Fact]
    public async Task SilentClientIsClosedWith4009WhenHeartbeatTimeoutIsOn()
    {
        var clock = new TestClock();
        await using var discord = await EmulatorHarness.StartAsync(clock, options => options.HeartbeatTimeout = TimeSpan.FromSeconds(2));
        var (client, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var clientLifetime = client;

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(4009, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task IdentifyingTwiceWithinTheWindowIsRecorded()
    {
        var clock = new TestClock();
        await using var discord = await EmulatorHarness.StartAsync(clock);
        var (first, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var firstLifetime = first;

        var (second, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var secondLifetime = second;
        clock.Advance(TimeSpan.FromSeconds(5));
        var (third, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var thirdLifetime = third;

        Assert.Single(discord.Gateway.IdentifyRateViolations);
        Assert.Equal(3, discord.Gateway.IdentifyCount);
    }

    [Fact]
    public async Task PayloadBeforeIdentifyIsClosedWith4003()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        await using var client = await RawGatewayClient.ConnectAsync(discord.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(new System.Text.Json.Nodes.JsonObject { ["op"] = 3, ["d"] = new System.Text.Json.Nodes.JsonObject { ["status"] = "online" } });

        Assert.Equal(4003, await client.ReceiveCloseAsync());
        Assert.Contains(discord.Gateway.Events, e => e.Kind == GatewayEventKind.Connected);
    }
}
