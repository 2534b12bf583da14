namespace CineSync.Discord.Rest.RateLimits;

/// <summary>
/// What a bucket and the global limit share: callers wait while a 429 block lasts, then take a slot
/// from the subclass's counting rule, waiting again when none is free.
/// </summary>
internal abstract class RateLimitGate(TimeProvider time)
{
    private DateTimeOffset _blockedUntil;

    protected Lock Sync { get; } = new();

    protected TimeProvider Time => time;

    /// <summary>Waits until a request may be sent, and counts it.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (Sync)
            {
                var now = time.GetUtcNow();
                wait = _blockedUntil > now ? _blockedUntil - now : TryTake(now);
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Delays.WaitAsync(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A 429: nothing passes before <paramref name="retryAfter"/> elapses.</summary>
    public void BlockFor(TimeSpan retryAfter)
    {
        lock (Sync)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    /// <summary>Called under <see cref="Sync"/>: takes a slot (returns zero) or says how long until one frees up.</summary>
    protected abstract TimeSpan TryTake(DateTimeOffset now);
}
