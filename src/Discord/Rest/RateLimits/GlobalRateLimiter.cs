namespace CineSync.Discord.Rest.RateLimits;

/// <summary>
/// Discord's global limit: at most N requests per second across every route (50 by default), and
/// no request at all while a global 429 is being waited out.
/// </summary>
internal sealed class GlobalRateLimiter(TimeProvider time, int requestsPerSecond) : RateLimitGate(time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _count;

    protected override TimeSpan TryTake(DateTimeOffset now)
    {
        if (now - _windowStart >= Window)
        {
            _windowStart = now;
            _count = 0;
        }

        if (_count < requestsPerSecond)
        {
            _count++;
            return TimeSpan.Zero;
        }

        return _windowStart + Window - now;
    }
}
