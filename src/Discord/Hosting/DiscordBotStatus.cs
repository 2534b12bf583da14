namespace CineSync.Discord.Hosting;

/// <summary>
/// Whether the hosted bot is still on Discord. A wrong or revoked token (REST 401, gateway close 4004) or forbidden
/// intents will not fix themselves: the bot part stops and says why here, while the rest of the process (a silo's
/// grains, its dashboard) keeps serving. The health check reads it.
/// </summary>
public sealed class DiscordBotStatus : IDisposable
{
    private readonly CancellationTokenSource _stopped = new();
    private string? _reason;

    /// <summary>Why the bot stopped, or null while it runs.</summary>
    public string? StoppedReason => Volatile.Read(ref _reason);

    /// <summary>Whether the bot has stopped for good (Discord refused its token or intents).</summary>
    public bool IsStopped => StoppedReason is not null;

    /// <summary>Cancelled when the bot stops for good.</summary>
    public CancellationToken Stopped => _stopped.Token;

    /// <summary>Records the first reason the bot stopped; returns false when it had already stopped.</summary>
    public bool Stop(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null)
        {
            return false;
        }

        _stopped.Cancel();
        return true;
    }

    /// <summary>Releases the stop signal (the host's container disposes this singleton).</summary>
    public void Dispose() => _stopped.Dispose();
}
