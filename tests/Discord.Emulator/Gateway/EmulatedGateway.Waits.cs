using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Gateway;

/// <summary>Awaiting gateway states instead of sleeping.</summary>
public sealed partial class EmulatedGateway
{
    /// <summary>
    /// Waits until shard <paramref name="shardId"/> has a connected session whose client has processed READY
    /// and its GUILD_CREATEs, proven by a heartbeat carrying that sequence (sent READY is not read READY: a
    /// client dropped before reading it has no session id to resume with). Returns the session id. Takes up
    /// to one heartbeat interval after READY.
    /// </summary>
    public Task<string> WaitForReadyAsync(int shardId = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Changed.WaitAsync(
            () => LiveSession(shardId, requireConnection: true) is { } session && session.Connection?.LastHeartbeatSequence >= session.ReadySequence ? session.Id : null,
            timeout ?? _state.Options.ReadyTimeout,
            () => $"shard {shardId} to be READY and heartbeat its sequence (events: {RecentEvents()})",
            cancellationToken);

    /// <summary>
    /// Waits until the client on <paramref name="shardId"/> has processed every dispatch sent so far, proven by a
    /// heartbeat carrying the latest sequence. Use it before disrupting the gateway. Takes up to one heartbeat interval.
    /// </summary>
    public async Task WaitForClientCaughtUpAsync(int shardId = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await WaitForReadyAsync(shardId, timeout, cancellationToken).ConfigureAwait(false);
        int target;
        lock (_sync)
        {
            target = LiveSession(shardId, requireConnection: true)?.Sequence ?? 0;
        }

        await _state.Changed.WaitAsync(
            () => LiveSession(shardId, requireConnection: true)?.Connection is { } connection && connection.LastHeartbeatSequence >= target ? connection : null,
            timeout ?? _state.Options.ReadyTimeout,
            () => $"a heartbeat acknowledging sequence {target} on shard {shardId} (events: {RecentEvents()})",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until at least <paramref name="count"/> events of <paramref name="kind"/> happened.</summary>
    public Task<GatewayEvent> WaitForEventAsync(GatewayEventKind kind, int count = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Changed.WaitAsync(
            () => Events.Where(e => e.Kind == kind).Skip(count - 1).FirstOrDefault(),
            timeout ?? _state.Options.ReadyTimeout,
            () => $"{count} × {kind} (events: {RecentEvents()})",
            cancellationToken);

    /// <summary>
    /// The session that receives <paramref name="guild"/>'s events: (guild_id &gt;&gt; 22) % shard_count. It may
    /// be disconnected: its dispatches are buffered for a RESUME, as on Discord.
    /// </summary>
    internal Task<GatewaySession> SessionForAsync(EmulatedGuild guild, CancellationToken cancellationToken) =>
        _state.Changed.WaitAsync(
            () =>
            {
                lock (_sync)
                {
                    return _sessions.Values.Where(session => session.Resumable).OrderByDescending(session => session.Id, StringComparer.Ordinal)
                        .FirstOrDefault(session => guild.ShardFor(session.ShardCount) == session.ShardId);
                }
            },
            _state.Options.ReadyTimeout,
            () => $"a gateway session for guild {guild.Id} (events: {RecentEvents()})",
            cancellationToken);

    private string RecentEvents() => string.Join(", ", Events.TakeLast(8));
}
