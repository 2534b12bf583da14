using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CineSync.Discord.Emulator.Gateway;

/// <summary>
/// One WebSocket. Outgoing frames go through a single-reader queue so dispatch order equals sequence order
/// and a close frame never overtakes pending dispatches; <see cref="Abort"/> bypasses the queue (a dropped socket).
/// </summary>
internal sealed class GatewayConnection(int id, string path, WebSocket socket)
{
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _aborted = new();
    private int _heartbeats;
    private int _lastHeartbeatSequence = -1;

    public int Id { get; } = id;

    /// <summary>The URL path the client connected to (tells a resume_gateway_url connection from /gateway).</summary>
    public string Path { get; } = path;

    public GatewaySession? Session { get; set; }

    /// <summary>Heartbeats received so far; the silence watchdog compares it across a timeout.</summary>
    /// <summary>The <c>d</c> of the last heartbeat (the last sequence the client processed), or -1.</summary>
    public int LastHeartbeatSequence
    {
        get => Volatile.Read(ref _lastHeartbeatSequence);
        set => Volatile.Write(ref _lastHeartbeatSequence, value);
    }

    public int HeartbeatsReceived
    {
        get => Volatile.Read(ref _heartbeats);
        set => Volatile.Write(ref _heartbeats, value);
    }

    /// <summary>The gateway sent a close frame on this socket.</summary>
    public bool ClosedByServer { get; private set; }

    /// <summary>The client answered the gateway's close frame with its own.</summary>
    public bool CloseAnswered { get; private set; }

    public bool IsOpen => !_aborted.IsCancellationRequested && socket.State == WebSocketState.Open;

    public void Enqueue(string text) => _outbox.Writer.TryWrite(new Outgoing(text, null, null));

    public void Enqueue(JsonObject payload) => Enqueue(payload.ToJsonString());

    public void EnqueueClose(int code, string reason) => _outbox.Writer.TryWrite(new Outgoing(null, code, reason));

    /// <summary>Kills the TCP connection without a close frame, like a network failure.</summary>
    public void Abort()
    {
        _aborted.Cancel();
        socket.Abort();
        _outbox.Writer.TryComplete();
    }

    public async Task RunAsync(Func<GatewayConnection, JsonNode?, string?> onPayload, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _aborted.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(onPayload, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The peer vanished or we aborted: either way the session lives on for a RESUME.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await linked.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
            {
                // Closing a socket that is already gone.
            }

            // `aborted` is deliberately not disposed: tests may drop or supersede this connection at any moment,
            // even after it ended, and cancelling a token source must stay safe then.
        }
    }

    private async Task ReadLoopAsync(Func<GatewayConnection, JsonNode?, string?> onPayload, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseSent)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                CloseAnswered = ClosedByServer;
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            JsonNode? payload;
            try
            {
                payload = JsonNode.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
            catch (System.Text.Json.JsonException)
            {
                EnqueueClose(4002, "Error while decoding payload.");
                continue;
            }

            if (onPayload(this, payload) is { } reply)
            {
                Enqueue(reply);
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (socket.State != WebSocketState.Open)
            {
                return;
            }

            if (item.Text is not null)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                ClosedByServer = true;
                await socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode!.Value, item.CloseReason, cancellationToken).ConfigureAwait(false);

                // A client that never answers the close frame must not hold the connection open.
                _aborted.CancelAfter(TimeSpan.FromSeconds(2));
                return;
            }
        }
    }

    private sealed record Outgoing(string? Text, int? CloseCode, string? CloseReason);
}
