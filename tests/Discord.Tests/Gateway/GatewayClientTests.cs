using System.Diagnostics;
using System.Text.Json.Nodes;
using CineSync.Discord.Gateway;
using CineSync.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace CineSync.Discord.Tests.Gateway;

/// <summary>The gateway state machine against a scripted WebSocket server on loopback.</summary>
public sealed class GatewayClientTests : IAsyncLifetime
{
    private const string Token = "gateway-test-token";
    private readonly TestGatewayServer _server = new();
    private readonly HttpClient _http = new();
    private GatewayClient? _client;

    public Task InitializeAsync() => _server.StartAsync();

    [Fact]
    public async Task Identifies_with_token_intents_and_shard_then_heartbeats_the_last_sequence()
    {
        var client = Start();
        var socket = await _server.AcceptAsync();
        Assert.Contains("v=10&encoding=json", socket.Path, StringComparison.Ordinal);

        await socket.SendHelloAsync(heartbeatIntervalMs: 100);
        var identify = await ExpectOpAsync(socket, 2);
        await socket.SendReadyAsync("session-1", 1, ResumeUrl);
        var beat = await socket.ReceiveAsync(skipHeartbeats: false);

        Assert.Equal(Token, (string?)identify["d"]!["token"]);
        Assert.Equal(1, (int)identify["d"]!["intents"]!);
        Assert.Equal("[0,1]", identify["d"]!["shard"]!.ToJsonString());
        Assert.Equal("CineSync", (string?)identify["d"]!["properties"]!["browser"]);
        Assert.Equal(GatewayEvent.Ready, (await NextEventAsync(client)).Name);
        Assert.Equal((1, 1), ((int)beat!["op"]!, (int)beat["d"]!));
    }

    [Fact]
    public async Task After_a_dropped_socket_it_resumes_the_session_and_receives_the_missed_interactions()
    {
        var client = Start();
        var first = await ReadyAsync(await _server.AcceptAsync(), "session-1");
        await first.SendInteractionAsync(2, "10");
        Assert.Equal("10", (await NextEventAsync(client)).AsInteraction()!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        first.Abort();
        var second = await _server.AcceptAsync();
        await second.SendHelloAsync();
        var resume = await ExpectOpAsync(second, 6);
        await second.SendInteractionAsync(3, "11");
        await second.SendDispatchAsync("RESUMED", 4, "{}");

        Assert.StartsWith("/resume", second.Path, StringComparison.Ordinal);
        Assert.Equal(("session-1", 2, Token), ((string?)resume["d"]!["session_id"], (int)resume["d"]!["seq"]!, (string?)resume["d"]!["token"]));
        Assert.Equal(11UL, (await NextEventAsync(client)).AsInteraction()!.Id);
        Assert.Equal(GatewayEvent.Resumed, (await NextEventAsync(client)).Name);
        Assert.Equal(4, client.Shards[0].Sequence);
    }

    [Fact]
    public async Task A_reconnect_request_closes_with_a_resumable_code_and_resumes()
    {
        Start();
        var first = await ReadyAsync(await _server.AcceptAsync(), "session-1");

        await first.SendAsync("""{"op":7,"d":null}""");
        var closeCode = await first.WaitForClientCloseAsync();
        var second = await _server.AcceptAsync();
        await second.SendHelloAsync();

        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        Assert.Equal("session-1", (string?)(await ExpectOpAsync(second, 6))["d"]!["session_id"]);
    }

    [Theory]
    [InlineData(true, 6)]
    [InlineData(false, 2)]
    public async Task An_invalid_session_resumes_when_resumable_and_identifies_anew_otherwise(bool resumable, int expectedOp)
    {
        var client = Start();
        var first = await ReadyAsync(await _server.AcceptAsync(), "session-1");

        await first.SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}}}""");
        await first.WaitForClientCloseAsync();
        var second = await _server.AcceptAsync();
        await second.SendHelloAsync();

        await ExpectOpAsync(second, expectedOp);
        Assert.Equal(resumable, second.Path.StartsWith("/resume", StringComparison.Ordinal));
        Assert.Equal(resumable ? "session-1" : null, client.Shards[0].SessionId);
    }

    [Fact]
    public async Task A_connection_whose_heartbeats_go_unacknowledged_is_closed_and_resumed()
    {
        Start();
        var zombie = await _server.AcceptAsync();
        zombie.AutoAck = false;
        await zombie.SendHelloAsync(heartbeatIntervalMs: 50);
        await ExpectOpAsync(zombie, 2);
        await zombie.SendReadyAsync("session-1", 1, ResumeUrl);

        var closeCode = await zombie.WaitForClientCloseAsync();
        var next = await _server.AcceptAsync();
        await next.SendHelloAsync();

        Assert.NotEmpty(zombie.Heartbeats);
        Assert.Equal(4000, closeCode);
        Assert.Equal("session-1", (string?)(await ExpectOpAsync(next, 6))["d"]!["session_id"]);
    }

    [Fact]
    public async Task An_unreadable_frame_is_treated_as_a_drop_and_resumed()
    {
        Start();
        var first = await ReadyAsync(await _server.AcceptAsync(), "session-1");

        await first.SendAsync("{\"op\":0,\"s\":");
        var closeCode = await first.WaitForClientCloseAsync();
        var second = await _server.AcceptAsync();
        await second.SendHelloAsync();

        Assert.Equal(4000, closeCode);
        Assert.Equal(1, (int)(await ExpectOpAsync(second, 6))["d"]!["seq"]!);
    }

    [Theory]
    [InlineData(4000, 6)]
    [InlineData(4007, 2)]
    [InlineData(4009, 2)]
    public async Task Discord_close_codes_lead_to_resume_or_a_new_identify(int code, int expectedOp)
    {
        Start();
        var first = await ReadyAsync(await _server.AcceptAsync(), "session-1");

        await first.CloseAsync(code);
        var second = await _server.AcceptAsync();
        await second.SendHelloAsync();

        await ExpectOpAsync(second, expectedOp);
    }

    [Theory]
    [InlineData(4004, "token")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "shard")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "intents")]
    public async Task Fatal_close_codes_stop_the_gateway_with_a_clear_error(int code, string hint)
    {
        var client = Start();
        var socket = await _server.AcceptAsync();
        await socket.SendHelloAsync();
        await ExpectOpAsync(socket, 2);

        await socket.CloseAsync(code);
        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => client.Completion.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(code, error.CloseCode);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(client.Events.Completion.IsFaulted);
        Assert.True(await _server.NoConnectionWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Shards_from_gateway_bot_identify_one_identify_window_apart()
    {
        await using var server = new TestGatewayServer { RecommendedShards = 2, MaxConcurrency = 1 };
        await server.StartAsync();
        var rest = new DiscordRestClient(_http, new DiscordRestClientOptions { Token = Token, ApiBaseUrl = server.ApiUrl });
        var options = Options();
        options.GatewayUrl = null;
        options.ShardCount = null;
        options.MaxConcurrency = null;
        options.IdentifyWindow = TimeSpan.FromSeconds(5);
        // Discord's identify window runs on a clock the test moves, so a busy machine can neither hide nor fake a wait.
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _client = new GatewayClient(options, rest, time);
        await _client.StartAsync();

        var sockets = new[] { await server.AcceptAsync(), await server.AcceptAsync() };
        await Task.WhenAll(sockets.Select(s => s.SendHelloAsync()));
        var identifies = sockets.Select(s => ExpectOpAsync(s, 2)).ToArray();
        var first = await Task.WhenAny(identifies);
        var second = identifies.Single(i => i != first);

        Assert.False(await ArrivesWithinAsync(second, TimeSpan.FromMilliseconds(300)), "the second shard identified inside the first one's window");
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(await ArrivesWithinAsync(second, TimeSpan.FromMilliseconds(300)), "the second shard identified before the window ended");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, _client.ShardCount);
        Assert.Equal(["[0,2]", "[1,2]"], (await Task.WhenAll(identifies)).Select(i => i["d"]!["shard"]!.ToJsonString()).Order());
    }

    /// <summary>Whether <paramref name="pending"/> completes within a short real-time grace (a "not yet" check, never a duration assertion).</summary>
    private static async Task<bool> ArrivesWithinAsync(Task pending, TimeSpan grace) =>
        await Task.WhenAny(pending, Task.Delay(grace)) == pending;

    [Fact]
    public async Task Stopping_closes_normally_and_completes()
    {
        var client = Start();
        var socket = await ReadyAsync(await _server.AcceptAsync(), "session-1");

        var stopping = client.StopAsync();
        var closeCode = await socket.WaitForClientCloseAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1000, closeCode);
        Assert.True(client.Completion.IsCompletedSuccessfully);
    }

    public async Task DisposeAsync()
    {
        // Stop the client while dropping the server, so the close handshake does not wait for an answer.
        var stopping = _client?.DisposeAsync().AsTask() ?? Task.CompletedTask;
        await _server.DisposeAsync();
        await stopping;

        _http.Dispose();
    }

    private string ResumeUrl => new Uri(_server.GatewayUrl, "/resume").ToString();

    private GatewayClientOptions Options() => new()
    {
        Token = Token,
        Intents = GatewayIntents.Guilds,
        GatewayUrl = _server.GatewayUrl,
        ShardCount = 1,
        MaxConcurrency = 1,
        Random = new Random(42),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(20),
        IdentifyWindow = TimeSpan.FromMilliseconds(20),
    };

    private GatewayClient Start()
    {
        var rest = new DiscordRestClient(_http, new DiscordRestClientOptions { Token = Token, ApiBaseUrl = _server.ApiUrl });
        _client = new GatewayClient(Options(), rest);
        _client.StartAsync().GetAwaiter().GetResult();
        return _client;
    }

    private async Task<ServerSocket> ReadyAsync(ServerSocket socket, string sessionId)
    {
        await socket.SendHelloAsync();
        await ExpectOpAsync(socket, 2);
        await socket.SendReadyAsync(sessionId, 1, ResumeUrl);
        Assert.Equal(GatewayEvent.Ready, (await NextEventAsync(_client!)).Name);
        return socket;
    }

    private static async Task<JsonObject> ExpectOpAsync(ServerSocket socket, int op)
    {
        var frame = await socket.ReceiveAsync() ?? throw new InvalidOperationException($"the client closed instead of sending op {op}");
        Assert.Equal(op, (int)frame["op"]!);
        return frame;
    }

    private static async Task<GatewayEvent> NextEventAsync(GatewayClient client)
        => await client.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
}
