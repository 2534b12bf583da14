using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace CineSync.Bot.Hosting;

/// <summary>
/// Keeps the standalone bot trying to reach the cluster while no silo is up (a silo restarting, the bot started first)
/// instead of exiting, with one log line per attempt so the operator sees why it waits.
/// </summary>
internal sealed partial class ClusterConnectionRetry(IOptions<ClusterConnectionOptions> options, TimeProvider time, ILogger<ClusterConnectionRetry> logger)
    : IClientConnectionRetryFilter
{
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var delay = options.Value.ConnectRetryDelay;
        LogWaiting(logger, options.Value.ClusterId, Interlocked.Increment(ref _attempts), delay.TotalSeconds, exception.Message);
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of cluster '{ClusterId}' is reachable yet (attempt {Attempt}); retrying in {Seconds} s: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string clusterId, int attempt, double seconds, string reason);
}
