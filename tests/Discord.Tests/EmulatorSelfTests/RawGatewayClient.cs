using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>A bare WebSocket speaking gateway JSON, so the emulator is tested without our Discord client.</summary>
internal sealed class RawGatewayClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30); // a hang guard: generous for a busy machine
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<RawGatewayClient> ConnectAsync(string url)
    {
        var client = new RawGatewayClient();
        using var timeout = new CancellationTokenSource(Timeout);
        await client._socket.ConnectAsync(new Uri(url + "?v=10&encoding=json"), timeout.Token);
        return client;
    }

    /// <summary>Connects, reads HELLO, identifies and reads READY; returns (client, READY payload).</summary>
    public static async Task<(RawGatewayClient Client, JsonObject Ready)> IdentifyAsync(string url, string token, int[]? shard = null)
    {
        var client = await ConnectAsync(url);
        var hello = await client.ReceiveAsync();
        Assert.Equal(10, (int)hello["op"]!);
        await client.SendAsync(Identify(token, shard));
        var ready = await client.ReceiveAsync();
        Assert.Equal("READY", (string?)ready["t"]);
        return (client, ready);
    }

    public static JsonObject Identify(string token, int[]? shard = null)
    {
        var data = new JsonObject
        {
            ["token"] = token,
            ["intents"] = 1,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "selftest", ["device"] = "selftest" },
        };
        if (shard is not null)
        {
            data["shard"] = new JsonArray(shard[0], shard[1]);
        }

        return new JsonObject { ["op"] = 2, ["d"] = data };
    }

    public async Task SendAsync(JsonObject payload)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next payload; fails the test if the socket closes or nothing arrives within 5 s.</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        var message = await ReceiveOrCloseAsync();
        Assert.True(message is not null, $"the socket closed ({_socket.CloseStatus} {_socket.CloseStatusDescription}) instead of sending a payload");
        return message;
    }

    /// <summary>Reads until a dispatch named <paramref name="eventName"/> arrives.</summary>
    public async Task<JsonObject> ReceiveDispatchAsync(string eventName)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if ((string?)message["t"] == eventName)
            {
                return message;
            }
        }
    }

    /// <summary>Reads until a payload with opcode <paramref name="op"/> arrives.</summary>
    public async Task<JsonObject> ReceiveDispatchOrOpAsync(int op)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if ((int?)message["op"] == op)
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the server closes; returns the close code.</summary>
    public async Task<int> ReceiveCloseAsync()
    {
        while (await ReceiveOrCloseAsync() is not null)
        {
        }

        return (int)_socket.CloseStatus!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The emulator may already be gone.
            }
        }

        _socket.Dispose();
    }

    private async Task<JsonObject?> ReceiveOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.ToArray())!.AsObject();
            }
        }
    }
}
