using Microsoft.Extensions.Logging;

namespace CineSync.Discord.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(200, LogLevel.Error, "Interaction {InteractionId} ({Kind} '{Name}') failed")]
    public static partial void HandlerFailed(ILogger logger, ulong interactionId, string kind, string name, Exception exception);

    [LoggerMessage(201, LogLevel.Warning, "No handler for interaction {InteractionId} ({Kind} '{Name}')")]
    public static partial void Unrouted(ILogger logger, ulong interactionId, string kind, string name);

    [LoggerMessage(205, LogLevel.Warning, "Ignored malformed interaction {InteractionId}: {Problem}")]
    public static partial void Malformed(ILogger logger, ulong interactionId, string problem);

    [LoggerMessage(202, LogLevel.Information, "Registered {Count} commands ({Scope})")]
    public static partial void CommandsRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(203, LogLevel.Warning, "Could not read INTERACTION_CREATE on shard {ShardId}")]
    public static partial void BadInteraction(ILogger logger, int shardId, Exception exception);

    [LoggerMessage(204, LogLevel.Critical, "The Discord bot stopped: {Reason} Nothing else in this process stops; fix the token (DISCORD_TOKEN or Discord:Token) and restart to bring the bot back.")]
    public static partial void BotStopped(ILogger logger, string reason);
}
