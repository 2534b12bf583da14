namespace CineSync.Runtime.Metrics;

/// <summary>A counter with one cache line per processor, so cores counting the same method never contend.</summary>
internal sealed class StripedCounter
{
    private const int Stride = 8; // 8 longs = 64 bytes
    private readonly long[] _cells;
    private readonly int _mask;

    public StripedCounter()
    {
        var slots = 1;
        while (slots < Environment.ProcessorCount)
        {
            slots <<= 1;
        }

        _mask = slots - 1;
        _cells = new long[slots * Stride];
    }

    /// <summary>Adds one; returns the new value of this processor's cell (a cheap per-core sequence number).</summary>
    public long Increment() => Interlocked.Increment(ref _cells[(Thread.GetCurrentProcessorId() & _mask) * Stride]);

    public long Sum()
    {
        long total = 0;
        for (var i = 0; i < _cells.Length; i += Stride)
        {
            total += Volatile.Read(ref _cells[i]);
        }

        return total;
    }
}
