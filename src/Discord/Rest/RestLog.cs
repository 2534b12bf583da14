using System.Net;
using Microsoft.Extensions.Logging;

namespace CineSync.Discord.Rest;

/// <summary>Log messages of the REST client. Routes are logged by template, never with tokens.</summary>
internal static partial class RestLog
{
    [LoggerMessage(1, LogLevel.Warning, "Discord rate limited {Route} (global: {Global}); retrying after {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string route, bool global, TimeSpan retryAfter);

    [LoggerMessage(2, LogLevel.Warning, "Discord answered {Status} to {Route}; retry {Attempt} after {Delay}")]
    public static partial void ServerError(ILogger logger, HttpStatusCode status, string route, int attempt, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Debug, "{Route} -> {Status}")]
    public static partial void Sent(ILogger logger, string route, HttpStatusCode status);
}
