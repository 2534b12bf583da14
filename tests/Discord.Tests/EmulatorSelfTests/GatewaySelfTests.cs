using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Gateway;
using CineSync.Discord.Emulator.Interactions;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>The emulated gateway speaks v10 like Discord: what a client can rely on.</summary>
public sealed class GatewaySelfTests
{
    [Fact]
    public async Task HelloThenIdentifyGivesReadyAndGuildCreate()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        var guild = discord.CreateGuild("Movie Club");
        guild.CreateTextChannel("general");
        await using var client = await RawGatewayClient.ConnectAsync(discord.GatewayUrl);

        var hello = await client.ReceiveAsync();
        await client.SendAsync(RawGatewayClient.Identify(discord.BotToken));
        var ready = await client.ReceiveAsync();
        var guildCreate = await client.ReceiveAsync();

        Assert.Equal(500, (int)hello["d"]!["heartbeat_interval"]!);
        Assert.Equal("READY", (string?)ready["t"]);
        Assert.Equal(1, (int)ready["s"]!);
        Assert.Equal(discord.BotUser.IdString, (string?)ready["d"]!["user"]!["id"]);
        Assert.Equal(discord.BotUser.IdString, (string?)ready["d"]!["application"]!["id"]);
        Assert.StartsWith(discord.GatewayUrl, (string?)ready["d"]!["resume_gateway_url"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)ready["d"]!["session_id"]));
        Assert.Equal("[0,1]", ready["d"]!["shard"]!.ToJsonString());
        Assert.Equal("GUILD_CREATE", (string?)guildCreate["t"]);
        Assert.Equal(2, (int)guildCreate["s"]!);
        Assert.Equal(guild.IdString, (string?)guildCreate["d"]!["id"]);
        Assert.Equal("general", (string?)guildCreate["d"]!["channels"]![0]!["name"]);
    }

    [Fact]
    public async Task HeartbeatIsAcknowledgedUntilTheTestMakesTheConnectionAZombie()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        var (client, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var clientLifetime = client;

        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        var ack = await client.ReceiveAsync();
        discord.Gateway.AcknowledgeHeartbeats = false;
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        await discord.Gateway.WaitForEventAsync(GatewayEventKind.Heartbeat, count: 2);
        discord.Gateway.Dispatch("CINESYNC_PROBE", new JsonObject());
        var next = await client.ReceiveAsync();

        Assert.Equal(11, (int)ack["op"]!);
        Assert.Equal("CINESYNC_PROBE", (string?)next["t"]); // no ACK was queued before it
    }

    [Fact]
    public async Task WrongTokenIsClosedWith4004()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        await using var client = await RawGatewayClient.ConnectAsync(discord.GatewayUrl);
        await client.ReceiveAsync();

        await client.SendAsync(RawGatewayClient.Identify("not-the-token"));

        Assert.Equal(4004, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ResumeAfterADroppedSocketReplaysTheMissedInteraction()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        var guild = discord.CreateGuild("Movie Club");
        var channel = guild.CreateTextChannel("general");
        var alice = discord.CreateUser("alice");
        using var http = EmulatorHarness.Http(discord);
        await EmulatorHarness.RegisterCommandsAsync(http, discord);
        var (first, ready) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        var guildCreate = await first.ReceiveDispatchAsync("GUILD_CREATE");
        var sessionId = (string)ready["d"]!["session_id"]!;
        var resumeUrl = (string)ready["d"]!["resume_gateway_url"]!;

        await discord.Gateway.DropConnectionsAsync();
        await first.DisposeAsync();
        var interaction = await discord.SendSlashCommandAsync(alice, channel, "recommend", [CommandOption.Integer("count", 3)]);
        await using var second = await RawGatewayClient.ConnectAsync(resumeUrl);
        await second.ReceiveAsync(); // HELLO
        await second.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = discord.BotToken, ["session_id"] = sessionId, ["seq"] = (int)guildCreate["s"]! } });
        var replayed = await second.ReceiveAsync();
        var resumed = await second.ReceiveAsync();

        Assert.Equal("INTERACTION_CREATE", (string?)replayed["t"]);
        Assert.Equal(3, (int)replayed["s"]!);
        Assert.Equal(interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)replayed["d"]!["id"]);
        Assert.Equal("RESUMED", (string?)resumed["t"]);
        Assert.Equal(1, discord.Gateway.ResumeCount);
    }

    [Fact]
    public async Task ResumeOfAnInvalidatedSessionGetsInvalidSession()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        var (client, ready) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var clientLifetime = client;

        await discord.Gateway.SendInvalidSessionAsync(resumable: false);
        var invalid = await client.ReceiveAsync();
        await using var second = await RawGatewayClient.ConnectAsync(discord.GatewayUrl);
        await second.ReceiveAsync();
        await second.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = discord.BotToken, ["session_id"] = ready["d"]!["session_id"]!.DeepClone(), ["seq"] = 1 } });
        var refused = await second.ReceiveAsync();

        Assert.Equal("""{"op":9,"d":false}""", invalid.ToJsonString());
        Assert.Equal(9, (int)refused["op"]!);
        Assert.False((bool)refused["d"]!);
    }

    [Fact]
    public async Task ReconnectAndCloseCodesReachTheClient()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        var (client, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var clientLifetime = client;

        await discord.Gateway.SendReconnectAsync();
        var reconnect = await client.ReceiveDispatchOrOpAsync(7);
        await discord.Gateway.CloseWithAsync(4000, "Unknown error");

        Assert.Equal(7, (int)reconnect["op"]!);
        Assert.Equal(4000, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task GuildInteractionsGoToTheShardThatOwnsTheGuild()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        var guild = discord.CreateGuild("Shard one", id: (1UL << 22) | 7); // (id >> 22) % 2 == 1
        var channel = guild.CreateTextChannel("general");
        using var http = EmulatorHarness.Http(discord);
        await EmulatorHarness.RegisterCommandsAsync(http, discord);
        var (shard0, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken, [0, 2]);
        var (shard1, ready1) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken, [1, 2]);
        await using var shard0Lifetime = shard0;
        await using var shard1Lifetime = shard1;

        await discord.SendSlashCommandAsync(discord.CreateUser("bob"), channel, "recommend");
        var interaction = await shard1.ReceiveDispatchAsync("INTERACTION_CREATE");
        discord.Gateway.Dispatch("CINESYNC_PROBE", new JsonObject(), shardId: 0);
        var shard0Next = await shard0.ReceiveAsync();

        Assert.Equal("[1,2]", ready1["d"]!["shard"]!.ToJsonString());
        Assert.Equal(guild.IdString, (string?)interaction["d"]!["guild_id"]);
        Assert.Equal("CINESYNC_PROBE", (string?)shard0Next["t"]); // shard 0 saw neither the guild nor the interaction
    }

    [Fact]
    public async Task ClientCountsAsCaughtUpOnlyOnceAHeartbeatCarriesTheLatestSequence()
    {
        await using var discord = await EmulatorHarness.StartAsync();
        discord.CreateGuild("Movie Club");
        var (client, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        await using var clientLifetime = client;
        var guildCreate = await client.ReceiveDispatchAsync("GUILD_CREATE");

        var caughtUp = discord.Gateway.WaitForClientCaughtUpAsync();
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        await discord.Gateway.WaitForEventAsync(GatewayEventKind.Heartbeat);
        var earlyState = caughtUp.IsCompleted;
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = guildCreate["s"]!.DeepClone() });
        await caughtUp;

        Assert.False(earlyState);
    }
}
