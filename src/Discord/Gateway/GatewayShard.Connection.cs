using System.Net.WebSockets;
using System.Text.Json;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Gateway;

internal sealed partial class GatewayShard
{
    /// <summary>Code we close with to reconnect while keeping the session resumable (anything but 1000/1001).</summary>
    private const int ResumableCloseCode = 4000;

    private async Task<ConnectionEnd> RunConnectionAsync(GatewayConnection connection, bool resume, CancellationToken cancellationToken)
    {
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = new HeartbeatState();
        Task heartbeatTask = Task.CompletedTask;
        try
        {
            var hello = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (hello is null)
            {
                return Closed(connection);
            }

            if (hello.Opcode != (int)GatewayOpcode.Hello)
            {
                await connection.CloseAsync(ResumableCloseCode, "expected hello", cancellationToken).ConfigureAwait(false);
                return new ConnectionEnd(GatewayCloseAction.Resume, $"first frame was op {hello.Opcode}, not hello");
            }

            var interval = TimeSpan.FromMilliseconds(hello.Data.Deserialize(DiscordJsonContext.Default.JsonHello)!.HeartbeatInterval);
            if (resume)
            {
                await SendResumeAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await identifyLimiter.WaitAsync(shardId, cancellationToken).ConfigureAwait(false);
                await SendIdentifyAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            heartbeatTask = HeartbeatLoopAsync(connection, interval, heartbeat, connectionCts);
            while (true)
            {
                var payload = await connection.ReceiveAsync(connectionCts.Token).ConfigureAwait(false);
                if (payload is null)
                {
                    return heartbeat.Zombie ? new ConnectionEnd(GatewayCloseAction.Resume, "zombie connection") : Closed(connection);
                }

                if (payload.Sequence is { } sequence)
                {
                    Interlocked.Exchange(ref _sequence, sequence);
                }

                switch ((GatewayOpcode)payload.Opcode)
                {
                    case GatewayOpcode.Dispatch:
                        await DispatchAsync(payload, cancellationToken).ConfigureAwait(false);
                        break;
                    case GatewayOpcode.Heartbeat:
                        await SendHeartbeatAsync(connection, cancellationToken).ConfigureAwait(false);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        heartbeat.Acked = true;
                        break;
                    case GatewayOpcode.Reconnect:
                        GatewayLog.ReconnectRequested(logger, shardId);
                        await connection.CloseAsync(ResumableCloseCode, "reconnect requested", cancellationToken).ConfigureAwait(false);
                        return new ConnectionEnd(GatewayCloseAction.Resume, "op 7 reconnect");
                    case GatewayOpcode.InvalidSession:
                        return await InvalidSessionAsync(connection, payload.Data.ValueKind == JsonValueKind.True, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (heartbeat.Zombie && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionEnd(GatewayCloseAction.Resume, "zombie connection");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A TCP drop without a close frame: the session is still resumable.
            return new ConnectionEnd(GatewayCloseAction.Resume, "connection lost: " + ex.Message);
        }
        catch (JsonException ex)
        {
            // A frame we cannot read; a fresh connection replays from the last good sequence.
            await connection.CloseAsync(ResumableCloseCode, "decode error", cancellationToken).ConfigureAwait(false);
            return new ConnectionEnd(GatewayCloseAction.Resume, "unreadable frame: " + ex.Message);
        }
        finally
        {
            await connectionCts.CancelAsync().ConfigureAwait(false);
            await heartbeatTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async ValueTask<ConnectionEnd> InvalidSessionAsync(GatewayConnection connection, bool resumable, CancellationToken cancellationToken)
    {
        GatewayLog.InvalidSession(logger, shardId, resumable);
        await connection.CloseAsync(ResumableCloseCode, "invalid session", cancellationToken).ConfigureAwait(false);
        if (resumable)
        {
            return new ConnectionEnd(GatewayCloseAction.Resume, "op 9 invalid session (resumable)");
        }

        // Discord asks for a random 1–5 s wait before identifying again.
        var min = options.InvalidSessionDelayMin;
        var delay = min + ((options.InvalidSessionDelayMax - min) * options.Random.NextDouble());
        return new ConnectionEnd(GatewayCloseAction.Identify, "op 9 invalid session", DelayBeforeReconnect: delay);
    }

    private static ConnectionEnd Closed(GatewayConnection connection)
    {
        var code = connection.CloseCode;
        return new ConnectionEnd(GatewayCloseCodes.Classify(code), "closed by Discord with " + GatewayCloseCodes.Describe(code), code);
    }

    private async ValueTask DispatchAsync(JsonGatewayPayload payload, CancellationToken cancellationToken)
    {
        var name = payload.EventName ?? "";
        if (name == GatewayEvent.Ready && payload.Data.Deserialize(DiscordJsonContext.Default.JsonReady) is { } ready)
        {
            _sessionId = ready.SessionId;
            _resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl) ? resumeUrl : null;
            GatewayLog.Ready(logger, shardId, ready.SessionId);
        }
        else if (name == GatewayEvent.Resumed)
        {
            GatewayLog.Resumed(logger, shardId, Sequence);
        }

        // Handlers read the channel on their own tasks; an unbounded channel never makes this wait.
        var gatewayEvent = new GatewayEvent(shardId, name, payload.Sequence, payload.Data);
        if (!events.TryWrite(gatewayEvent))
        {
            await events.WriteAsync(gatewayEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask SendIdentifyAsync(GatewayConnection connection, CancellationToken cancellationToken)
        => connection.SendAsync(
            GatewayOpcode.Identify,
            new JsonIdentify
            {
                Token = options.Token,
                Intents = (int)options.Intents,
                Properties = new JsonConnectionProperties { Os = options.Os, Browser = options.LibraryName, Device = options.LibraryName },
                Shard = [shardId, shardCount],
            },
            DiscordJsonContext.Default.JsonGatewaySendPayloadJsonIdentify,
            cancellationToken);

    private ValueTask SendResumeAsync(GatewayConnection connection, CancellationToken cancellationToken)
        => connection.SendAsync(
            GatewayOpcode.Resume,
            new JsonResume { Token = options.Token, SessionId = _sessionId ?? "", Sequence = Sequence ?? 0 },
            DiscordJsonContext.Default.JsonGatewaySendPayloadJsonResume,
            cancellationToken);

    private ValueTask SendHeartbeatAsync(GatewayConnection connection, CancellationToken cancellationToken)
        => connection.SendAsync(GatewayOpcode.Heartbeat, Sequence, DiscordJsonContext.Default.JsonGatewaySendPayloadNullableInt32, cancellationToken);
}
