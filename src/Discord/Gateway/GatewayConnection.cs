using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: whole-message receive into a reused buffer, and sends
/// serialised by a lock (a WebSocket allows one send at a time; heartbeats race with the loop).
/// </summary>
internal sealed class GatewayConnection(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    /// <summary>The close code the server sent, once <see cref="ReceiveAsync"/> returned null.</summary>
    public int? CloseCode => (int?)socket.CloseStatus;

    public string? CloseReason => socket.CloseStatusDescription;

    /// <summary>The next frame, or null when the server closed the connection.</summary>
    public async ValueTask<JsonGatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.GetMemory(8 * 1024), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AnswerCloseAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            _buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize(_buffer.WrittenSpan, DiscordJsonContext.Default.JsonGatewayPayload);
            }
        }
    }

    public async ValueTask SendAsync<T>(GatewayOpcode opcode, T? data, JsonTypeInfo<JsonGatewaySendPayload<T>> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new JsonGatewaySendPayload<T> { Opcode = (int)opcode, Data = data }, typeInfo);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Starts a close handshake. Any code but 1000/1001 keeps the session resumable; the answer
    /// arrives through <see cref="ReceiveAsync"/>. Failures are ignored: the socket is going away.
    /// </summary>
    public async ValueTask CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The connection is already gone; the shard reconnects either way.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Answers the server's close frame with one of ours, echoing its code (RFC 6455 §5.5.1), so the socket closes
    /// cleanly instead of being dropped. Nothing to do when we closed first (our frame was already sent).
    /// </summary>
    private async ValueTask AnswerCloseAsync(CancellationToken cancellationToken)
    {
        if (socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                var code = socket.CloseStatus ?? WebSocketCloseStatus.Empty;
                await socket.CloseOutputAsync(code, code == WebSocketCloseStatus.Empty ? null : socket.CloseStatusDescription, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The server did not wait for the answer; the shard reconnects either way.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Disposes the socket only: a stop request may still be closing through the send lock, and a
    /// SemaphoreSlim that never handed out its wait handle holds nothing to release.
    /// </summary>
    public void Dispose() => socket.Dispose();
}
