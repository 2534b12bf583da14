namespace CineSync.Discord.Gateway;

/// <summary>
/// Identify pacing across shards: shards with the same <c>shard_id % max_concurrency</c> share a
/// bucket, and each bucket allows one identify per window (5 s at Discord).
/// </summary>
internal sealed class IdentifyLimiter(TimeProvider time, int maxConcurrency, TimeSpan window)
{
    private readonly Lock _lock = new();
    private readonly DateTimeOffset[] _nextAllowed = new DateTimeOffset[Math.Max(1, maxConcurrency)];

    public async ValueTask WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var bucket = shardId % _nextAllowed.Length;
            var now = time.GetUtcNow();
            var slot = _nextAllowed[bucket] > now ? _nextAllowed[bucket] : now;
            _nextAllowed[bucket] = slot + window;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Rest.RateLimits.Delays.WaitAsync(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
