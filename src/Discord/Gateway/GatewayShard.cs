using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CineSync.Discord.Gateway;

/// <summary>
/// One shard's connection loop: connect, hello, identify or resume, heartbeat, receive; on a
/// drop, decide from the close code whether to resume, identify anew, or stop.
/// </summary>
internal sealed partial class GatewayShard(
    int shardId,
    int shardCount,
    Uri gatewayUrl,
    GatewayClientOptions options,
    IdentifyLimiter identifyLimiter,
    ChannelWriter<GatewayEvent> events,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>A connection attempt that takes longer is abandoned and retried with backoff.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private long _sequence = -1;
    private volatile string? _sessionId;
    private volatile Uri? _resumeUrl;
    private volatile GatewayConnection? _current;
    private volatile bool _stopping;

    public int ShardId => shardId;

    /// <summary>The session id from READY, until the session is invalidated.</summary>
    public string? SessionId => _sessionId;

    /// <summary>The last sequence number received, or null.</summary>
    public int? Sequence => Interlocked.Read(ref _sequence) is var s and >= 0 ? (int)s : null;

    /// <summary>Connections opened so far (identify or resume), for diagnostics and tests.</summary>
    public int ConnectionCount { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested && !_stopping)
        {
            var resume = _sessionId is not null;
            var url = resume ? _resumeUrl ?? gatewayUrl : gatewayUrl;
            ConnectionEnd end;
            var socket = new ClientWebSocket();
            using (var connection = new GatewayConnection(socket))
            {
                try
                {
                    GatewayLog.Connecting(logger, shardId, url.GetLeftPart(UriPartial.Path), resume ? "resume" : "identify");
                    using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    connectTimeout.CancelAfter(ConnectTimeout);
                    await socket.ConnectAsync(WithQuery(url), connectTimeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException
                    || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    var delay = TimeSpan.FromSeconds(Math.Min(options.MaxReconnectDelay.TotalSeconds, Math.Pow(2, failures++)));
                    GatewayLog.ConnectFailed(logger, shardId, delay, ex);
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                failures = 0;
                ConnectionCount++;
                _current = connection;
                end = await RunConnectionAsync(connection, resume, cancellationToken).ConfigureAwait(false);
                _current = null;
            }

            if (_stopping)
            {
                return;
            }

            GatewayLog.Closed(logger, shardId, end.Reason, end.Action);
            switch (end.Action)
            {
                case GatewayCloseAction.Stop:
                    throw new GatewayFatalException(end.CloseCode ?? 0, shardId);
                case GatewayCloseAction.Identify:
                    ForgetSession();
                    break;
            }

            if (end.DelayBeforeReconnect > TimeSpan.Zero)
            {
                await Task.Delay(end.DelayBeforeReconnect, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes with 1000 (the session ends; the bot goes offline) and stops reconnecting.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (_current is { } connection)
        {
            await connection.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "shutting down", cancellationToken).ConfigureAwait(false);
        }
    }

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }

    private static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    /// <summary>How a connection ended and what to do next.</summary>
    private readonly record struct ConnectionEnd(GatewayCloseAction Action, string Reason, int? CloseCode = null, TimeSpan DelayBeforeReconnect = default);
}
