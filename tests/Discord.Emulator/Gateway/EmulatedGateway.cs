using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Gateway;

/// <summary>
/// The emulated gateway (v10, JSON): HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay,
/// sharding. Tests use it to break things on purpose: drop sockets, send RECONNECT or INVALID_SESSION,
/// close with a code, or stop acknowledging heartbeats.
/// </summary>
public sealed partial class EmulatedGateway
{
    private static readonly HashSet<int> FatalCloseCodes = [4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014];

    private readonly EmulatorState _state;
    private readonly Func<string> _gatewayUrl;
    private readonly Lock _sync = new();
    private readonly ConcurrentDictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, GatewayConnection> _connections = new();
    private readonly ConcurrentQueue<GatewayEvent> _events = new();
    private readonly ConcurrentQueue<GatewayEvent> _identifyRateViolations = new();
    private readonly List<(DateTimeOffset At, int Key)> _identifies = [];
    private int _connectionCounter;
    private int _sessionCounter;

    internal EmulatedGateway(EmulatorState state, Func<string> gatewayUrl)
    {
        _state = state;
        _gatewayUrl = gatewayUrl;
    }

    /// <summary>When false, heartbeats get no ACK (op 11): a zombie connection the client must detect.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>Everything noteworthy that happened on the gateway, in order.</summary>
    public IReadOnlyList<GatewayEvent> Events => [.. _events];

    /// <summary>IDENTIFY count (new sessions).</summary>
    public int IdentifyCount => Events.Count(e => e.Kind == GatewayEventKind.Identified);

    /// <summary>Successful RESUME count.</summary>
    public int ResumeCount => Events.Count(e => e.Kind == GatewayEventKind.Resumed);

    /// <summary>Heartbeats received.</summary>
    public int HeartbeatCount => Events.Count(e => e.Kind == GatewayEventKind.Heartbeat);

    /// <summary>IDENTIFYs sent faster than max_concurrency per IdentifyWindow allows. Should stay empty.</summary>
    public IReadOnlyList<GatewayEvent> IdentifyRateViolations => [.. _identifyRateViolations];

    /// <summary>Sockets the gateway closed that the client dropped without answering the close frame. Should stay empty.</summary>
    public IReadOnlyList<GatewayEvent> UnansweredCloses => [.. Events.Where(e => e.Kind == GatewayEventKind.CloseUnanswered)];

    /// <summary>Sockets the gateway closed whose close frame the client answered.</summary>
    public int AnsweredCloses => Events.Count(e => e.Kind == GatewayEventKind.CloseAnswered);

    /// <summary>Open sockets.</summary>
    public int OpenConnections => _connections.Values.Count(connection => connection.IsOpen);

    /// <summary>Aborts every socket without a close frame; sessions stay resumable.</summary>
    public Task DropConnectionsAsync()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends RECONNECT (op 7) on every socket.</summary>
    public Task SendReconnectAsync() => Broadcast(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>Sends INVALID_SESSION (op 9); when not <paramref name="resumable"/> the sessions can no longer resume.</summary>
    public Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable)
        {
            lock (_sync)
            {
                foreach (var connection in _connections.Values)
                {
                    connection.Session?.Resumable = false;
                }
            }
        }

        return Broadcast(new JsonObject { ["op"] = 9, ["d"] = resumable });
    }

    /// <summary>Closes every socket with <paramref name="code"/>; fatal codes (4004, 4007, 4009, 4010–4014) also end the sessions.</summary>
    public Task CloseWithAsync(int code, string reason = "")
    {
        lock (_sync)
        {
            foreach (var connection in _connections.Values)
            {
                if (FatalCloseCodes.Contains(code))
                {
                    connection.Session?.Resumable = false;
                }

                connection.EnqueueClose(code, reason);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends a custom dispatch to the live session of <paramref name="shardId"/>.</summary>
    public void Dispatch(string eventName, JsonNode? data, int shardId = 0)
    {
        lock (_sync)
        {
            var session = LiveSession(shardId, requireConnection: false) ?? throw new InvalidOperationException($"No session on shard {shardId}.");
            session.Dispatch(eventName, data);
        }
    }

    internal async Task AcceptAsync(WebSocket socket, string path, CancellationToken cancellationToken)
    {
        var connection = new GatewayConnection(Interlocked.Increment(ref _connectionCounter), path, socket);
        _connections[connection.Id] = connection;
        Record(GatewayEventKind.Connected, $"#{connection.Id} {path}");
        connection.Enqueue(new JsonObject
        {
            ["op"] = 10,
            ["d"] = new JsonObject { ["heartbeat_interval"] = (int)_state.Options.HeartbeatInterval.TotalMilliseconds },
        });
        using var watchdog = new CancellationTokenSource();
        var silence = _state.Options.HeartbeatTimeout is { } timeout ? WatchHeartbeatsAsync(connection, timeout, watchdog.Token) : Task.CompletedTask;
        try
        {
            await connection.RunAsync(OnPayload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_sync)
            {
                _connections.TryRemove(connection.Id, out _);
                if (connection.Session?.Connection == connection)
                {
                    connection.Session.Connection = null;
                }
            }

            await watchdog.CancelAsync().ConfigureAwait(false);
            await silence.ConfigureAwait(false);
            if (connection.ClosedByServer)
            {
                Record(connection.CloseAnswered ? GatewayEventKind.CloseAnswered : GatewayEventKind.CloseUnanswered, $"#{connection.Id}");
            }

            Record(GatewayEventKind.Disconnected, $"#{connection.Id} ({socket.CloseStatus?.ToString() ?? "no close frame"})");
        }
    }

    /// <summary>Runs <paramref name="action"/> under the gateway lock so sequence numbers and sends stay in order.</summary>
    internal void Locked(Action action)
    {
        lock (_sync)
        {
            action();
        }
    }

    private GatewaySession? LiveSession(int shardId, bool requireConnection)
    {
        lock (_sync)
        {
            return _sessions.Values
                .Where(session => session.Resumable && session.ShardId == shardId && (!requireConnection || session.Connection?.IsOpen == true))
                .OrderByDescending(session => session.Id, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }

    private Task Broadcast(JsonObject payload)
    {
        foreach (var connection in _connections.Values)
        {
            connection.Enqueue(payload.ToJsonString());
        }

        return Task.CompletedTask;
    }

    private void Record(GatewayEventKind kind, string detail)
    {
        _events.Enqueue(new GatewayEvent(_state.Time.GetUtcNow(), kind, detail));
        _state.Changed.Pulse();
    }

    private string NewSessionId() => Interlocked.Increment(ref _sessionCounter).ToString("x32", CultureInfo.InvariantCulture);
}
