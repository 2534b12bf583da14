using Microsoft.Extensions.Logging;

namespace CineSync.Discord.Gateway;

/// <summary>Log messages of the gateway. Never includes the token.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(100, LogLevel.Information, "Shard {ShardId}: connecting to {Url} ({Mode})")]
    public static partial void Connecting(ILogger logger, int shardId, string url, string mode);

    [LoggerMessage(101, LogLevel.Information, "Shard {ShardId}: ready, session {SessionId}")]
    public static partial void Ready(ILogger logger, int shardId, string sessionId);

    [LoggerMessage(102, LogLevel.Information, "Shard {ShardId}: resumed at sequence {Sequence}")]
    public static partial void Resumed(ILogger logger, int shardId, int? sequence);

    [LoggerMessage(103, LogLevel.Warning, "Shard {ShardId}: no heartbeat ACK since the last beat; closing the zombie connection to resume")]
    public static partial void Zombie(ILogger logger, int shardId);

    [LoggerMessage(104, LogLevel.Warning, "Shard {ShardId}: connection ended ({Reason}); next: {Action}")]
    public static partial void Closed(ILogger logger, int shardId, string reason, GatewayCloseAction action);

    [LoggerMessage(105, LogLevel.Information, "Shard {ShardId}: Discord asked to reconnect")]
    public static partial void ReconnectRequested(ILogger logger, int shardId);

    [LoggerMessage(106, LogLevel.Warning, "Shard {ShardId}: invalid session (resumable: {Resumable})")]
    public static partial void InvalidSession(ILogger logger, int shardId, bool resumable);

    [LoggerMessage(107, LogLevel.Error, "Shard {ShardId}: stopped by a fatal close")]
    public static partial void Fatal(ILogger logger, int shardId, Exception exception);

    [LoggerMessage(108, LogLevel.Warning, "Shard {ShardId}: connection attempt failed; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, int shardId, TimeSpan delay, Exception exception);
}
