namespace CineSync.Discord.Rest.RateLimits;

internal static class Delays
{
    /// <summary>
    /// Task.Delay truncates to whole milliseconds; a wait of 0.4 ms would return at once and the
    /// caller would spin. Rounding up guarantees the clock has passed the deadline on wake-up.
    /// </summary>
    public static Task WaitAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
        => Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken);
}
