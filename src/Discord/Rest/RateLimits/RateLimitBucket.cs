namespace CineSync.Discord.Rest.RateLimits;

/// <summary>
/// One Discord rate-limit bucket, learned from the X-RateLimit-* headers. Until the first answer
/// the limit is unknown and requests pass; after it, a request waits while the bucket is empty
/// and its window has not reset.
/// </summary>
internal sealed class RateLimitBucket(TimeProvider time) : RateLimitGate(time)
{
    private bool _known;
    private int _limit;
    private int _remaining;
    private TimeSpan _window;
    private DateTimeOffset _resetAt;

    /// <summary>Records what the headers of an answer said about this bucket.</summary>
    public void Update(int limit, int remaining, TimeSpan resetAfter)
    {
        lock (Sync)
        {
            var now = Time.GetUtcNow();
            // Requests still in flight were already counted locally; the header may predate them.
            _remaining = _known && now < _resetAt ? Math.Min(_remaining, remaining) : remaining;
            _limit = limit;
            _window = resetAfter;
            _resetAt = now + resetAfter;
            _known = true;
        }
    }

    protected override TimeSpan TryTake(DateTimeOffset now)
    {
        if (!_known)
        {
            return TimeSpan.Zero;
        }

        if (now >= _resetAt)
        {
            // A new window; its exact end is learned from the next answer, estimated until then.
            _remaining = _limit;
            _resetAt = now + _window;
        }

        if (_remaining > 0)
        {
            _remaining--;
            return TimeSpan.Zero;
        }

        return _resetAt - now;
    }
}
