namespace CineSync.Discord.Emulator;

/// <summary>Snowflake ids as Discord makes them: milliseconds since the Discord epoch, then a counter.</summary>
internal sealed class Snowflakes(TimeProvider time)
{
    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _counter;

    public ulong Next()
    {
        var milliseconds = (ulong)Math.Max(0, (time.GetUtcNow() - DiscordEpoch).TotalMilliseconds);
        var increment = (ulong)(Interlocked.Increment(ref _counter) & 0x3F_FFFF);
        return (milliseconds << 22) | increment;
    }
}
