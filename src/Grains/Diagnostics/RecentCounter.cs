namespace CineSync.Grains.Diagnostics;

/// <summary>
/// Counts events over a recent window in a ring of fixed time buckets: an add is a lock and an increment, a read sums
/// the buckets still inside the window, and old events drop out by themselves (no timer). The window moves in steps of
/// one bucket, so a read covers between <c>window − bucket</c> and <c>window</c> of the past.
/// </summary>
internal sealed class RecentCounter
{
    private readonly TimeProvider _time;
    private readonly long _bucketLength;
    private readonly long[] _epochs;
    private readonly long[] _counts;
    private readonly Lock _gate = new();

    public RecentCounter(TimeProvider time, TimeSpan window, int buckets)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _time = time;
        _bucketLength = Math.Max(1, (long)(window.TotalSeconds / buckets * time.TimestampFrequency));
        _epochs = new long[buckets];
        _counts = new long[buckets];
        Array.Fill(_epochs, long.MinValue);
    }

    public void Add(long count = 1)
    {
        var epoch = CurrentEpoch();
        var slot = Slot(epoch);
        lock (_gate)
        {
            if (_epochs[slot] != epoch)
            {
                _epochs[slot] = epoch;
                _counts[slot] = 0;
            }

            _counts[slot] += count;
        }
    }

    public long Sum()
    {
        var epoch = CurrentEpoch();
        var oldest = epoch - _counts.Length + 1;
        long sum = 0;
        lock (_gate)
        {
            for (var i = 0; i < _counts.Length; i++)
            {
                if (_epochs[i] >= oldest && _epochs[i] <= epoch)
                {
                    sum += _counts[i];
                }
            }
        }

        return sum;
    }

    private long CurrentEpoch() => _time.GetTimestamp() / _bucketLength;

    private int Slot(long epoch) => (int)(((epoch % _counts.Length) + _counts.Length) % _counts.Length);
}
