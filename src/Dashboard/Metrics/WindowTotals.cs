namespace CineSync.Dashboard.Metrics;

/// <summary>A mutable bag of call figures: cumulative totals, one second's delta, or a window's sum.</summary>
internal sealed class WindowTotals
{
    public long Calls;
    public long Errors;
    public long DurationCount;
    public long DurationSumNanos;
    public readonly long[] Buckets = new long[LatencyBuckets.Count];

    public void Clear()
    {
        Calls = Errors = DurationCount = DurationSumNanos = 0;
        Array.Clear(Buckets);
    }

    public void CopyFrom(WindowTotals other)
    {
        Calls = other.Calls;
        Errors = other.Errors;
        DurationCount = other.DurationCount;
        DurationSumNanos = other.DurationSumNanos;
        other.Buckets.CopyTo(Buckets, 0);
    }

    /// <summary>this += sign × other.</summary>
    public void Add(WindowTotals other, int sign = 1)
    {
        Calls += sign * other.Calls;
        Errors += sign * other.Errors;
        DurationCount += sign * other.DurationCount;
        DurationSumNanos += sign * other.DurationSumNanos;
        for (var i = 0; i < Buckets.Length; i++)
        {
            Buckets[i] += sign * other.Buckets[i];
        }
    }

    /// <summary>this = current − previous, clamped at zero (a restarted observable counter starts over).</summary>
    public void SetDifference(WindowTotals current, WindowTotals previous)
    {
        Calls = Math.Max(0, current.Calls - previous.Calls);
        Errors = Math.Max(0, current.Errors - previous.Errors);
        DurationCount = Math.Max(0, current.DurationCount - previous.DurationCount);
        DurationSumNanos = Math.Max(0, current.DurationSumNanos - previous.DurationSumNanos);
        for (var i = 0; i < Buckets.Length; i++)
        {
            Buckets[i] = Math.Max(0, current.Buckets[i] - previous.Buckets[i]);
        }
    }

    public double? MeanLatencyMs => DurationCount == 0 ? null : DurationSumNanos / 1_000_000.0 / DurationCount;
}
