namespace CineSync.Dashboard.Metrics;

/// <summary>
/// Fixed log-scale latency buckets: four per power of two of microseconds, from 1 µs to about 67 s
/// (relative width ≤ 25 %). The index comes from the double's exponent and top mantissa bits, so
/// recording costs a few instructions and no logarithm.
/// </summary>
internal static class LatencyBuckets
{
    private const int SubBucketBits = 2;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int MaxExponent = 26;

    /// <summary>Bucket 0 holds everything under 1 µs; the last one everything from 2^26 µs up.</summary>
    public const int Count = 1 + ((MaxExponent + 1) * SubBuckets);

    /// <summary>The bucket of a duration given in milliseconds.</summary>
    public static int IndexOf(double milliseconds)
    {
        var micros = milliseconds * 1000.0;
        if (!(micros >= 1.0))
        {
            return 0; // also NaN and negatives
        }

        var bits = BitConverter.DoubleToInt64Bits(micros);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var sub = (int)((bits >> (52 - SubBucketBits)) & (SubBuckets - 1));
        var index = 1 + (exponent * SubBuckets) + sub;
        return index < Count ? index : Count - 1;
    }

    /// <summary>The lower bound of a bucket in milliseconds.</summary>
    public static double LowerBoundMs(int index)
    {
        if (index <= 0)
        {
            return 0;
        }

        var exponent = (index - 1) / SubBuckets;
        var sub = (index - 1) % SubBuckets;
        return Math.ScaleB(1.0 + ((double)sub / SubBuckets), exponent) / 1000.0;
    }

    /// <summary>The upper bound of a bucket in milliseconds.</summary>
    public static double UpperBoundMs(int index) => index <= 0 ? 0.001 : LowerBoundMs(index) * (1.0 + (1.0 / (SubBuckets + ((index - 1) % SubBuckets))));

    /// <summary>
    /// The quantile <paramref name="q"/> (0..1) of the counts, interpolated linearly inside the bucket it
    /// falls in; <c>null</c> when there are no counts.
    /// </summary>
    public static double? Quantile(ReadOnlySpan<long> counts, double q)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = q * total;
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            if (seen + counts[i] >= rank)
            {
                var lower = LowerBoundMs(i);
                var fraction = (rank - seen) / counts[i];
                return lower + ((UpperBoundMs(i) - lower) * fraction);
            }

            seen += counts[i];
        }

        return UpperBoundMs(counts.Length - 1);
    }
}
