using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CineSync.Discord.Tests.Gateway;

/// <summary>
/// A scriptable gateway on Kestrel (127.0.0.1, random port): each accepted WebSocket is handed to
/// the test as a <see cref="ServerSocket"/>; GET /api/v10/gateway/bot answers with this server's URL.
/// </summary>
internal sealed class TestGatewayServer : IAsyncDisposable
{
    private readonly Channel<ServerSocket> _accepted = Channel.CreateUnbounded<ServerSocket>();
    private readonly List<ServerSocket> _sockets = [];
    private WebApplication? _app;

    public int RecommendedShards { get; init; } = 1;
    public int MaxConcurrency { get; init; } = 1;

    public Uri GatewayUrl { get; private set; } = null!;
    public Uri ApiUrl { get; private set; } = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.MapGet("/api/v10/gateway/bot", () => Results.Text(
            $$"""{"url":"{{GatewayUrl}}","shards":{{RecommendedShards}},"session_start_limit":{"total":1000,"remaining":999,"reset_after":1000,"max_concurrency":{{MaxConcurrency}} } }""",
            "application/json"));
        _app.Map("/{**path}", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 404;
                return;
            }

            var socket = await context.WebSockets.AcceptWebSocketAsync();
            var server = new ServerSocket(socket, context.Request.Path + context.Request.QueryString);
            lock (_sockets)
            {
                _sockets.Add(server);
            }

            await _accepted.Writer.WriteAsync(server);
            await server.Finished;
        });
        await _app.StartAsync();
        var http = new Uri(_app.Urls.First());
        GatewayUrl = new Uri($"ws://{http.Authority}/");
        ApiUrl = new Uri(http, "/api/v10/");
    }

    /// <summary>The next connection the client opens.</summary>
    public async Task<ServerSocket> AcceptAsync()
        => await _accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>True when the client opens no further connection within <paramref name="wait"/>.</summary>
    public async Task<bool> NoConnectionWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _accepted.Reader.WaitToReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Abort());
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
    }
}

/// <summary>The server end of one gateway connection.</summary>
internal sealed class ServerSocket(WebSocket socket, string path)
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    /// <summary>Answer heartbeats with ACKs while waiting for other frames (off to simulate a zombie).</summary>
    public bool AutoAck { get; set; } = true;

    /// <summary>Heartbeats received so far.</summary>
    public List<int?> Heartbeats { get; } = [];

    /// <summary>The close code the client sent, once it closed.</summary>
    public int? ClientCloseCode { get; private set; }

    public Task Finished => _finished.Task;

    public Task SendHelloAsync(int heartbeatIntervalMs = 60_000)
        => SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}} } }""");

    public Task SendDispatchAsync(string name, int sequence, string data)
        => SendAsync($$"""{"op":0,"t":"{{name}}","s":{{sequence}},"d":{{data}} }""");

    public Task SendReadyAsync(string sessionId, int sequence, string resumeUrl)
        => SendDispatchAsync("READY", sequence, $$"""{"v":10,"user":{"id":"1","username":"bot"},"guilds":[],"session_id":"{{sessionId}}","resume_gateway_url":"{{resumeUrl}}","application":{"id":"1200000000000000000","flags":0} }""");

    public Task SendInteractionAsync(int sequence, string id)
        => SendDispatchAsync("INTERACTION_CREATE", sequence, $$"""{"id":"{{id}}","application_id":"1200000000000000000","type":3,"token":"tok{{id}}","version":1,"data":{"custom_id":"vote:1","component_type":2} }""");

    public async Task SendAsync(string json)
        => await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame the client sends (heartbeats are recorded and, with <see cref="AutoAck"/>, acknowledged and skipped).</summary>
    public async Task<JsonObject?> ReceiveAsync(bool skipHeartbeats = true)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientCloseCode = (int?)socket.CloseStatus;
                _finished.TrySetResult();
                return null;
            }

            var frame = JsonNode.Parse(buffer.AsSpan(0, count))!.AsObject();
            if (frame["op"]!.GetValue<int>() == 1)
            {
                Heartbeats.Add(frame["d"]?.GetValue<int>());
                if (AutoAck)
                {
                    await SendAsync("""{"op":11}""");
                }

                if (skipHeartbeats)
                {
                    continue;
                }
            }

            return frame;
        }
    }

    /// <summary>Reads until the client closes; returns its close code.</summary>
    public async Task<int?> WaitForClientCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return ClientCloseCode;
    }

    /// <summary>Closes from the server side with <paramref name="code"/>.</summary>
    public async Task CloseAsync(int code)
    {
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);
        }
        finally
        {
            _finished.TrySetResult();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        if (_finished.Task.IsCompleted)
        {
            return;
        }

        try
        {
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended.
        }
        finally
        {
            _finished.TrySetResult();
        }
    }
}
