using System.Diagnostics;
using System.Globalization;

namespace CineSync.Cluster.Bench;

/// <summary>
/// Call latencies in logarithmic buckets (each 4 % wider than the last, from 0.1 µs): millions of calls cost a few
/// kilobytes, and a silo can send its counts back in one reply. Percentiles are a bucket's upper bound (≤ 4 % high).
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Growth = 1.04;
    private const double FirstMicroseconds = 0.1;
    private const int BucketCount = 640; // up to ~8e9 µs, far beyond any call

    public long[] Counts { get; } = new long[BucketCount];

    public void Record(long startTimestamp)
    {
        var microseconds = Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
        var index = microseconds <= FirstMicroseconds ? 0 : (int)(Math.Log(microseconds / FirstMicroseconds) / Math.Log(Growth));
        Counts[Math.Min(index, BucketCount - 1)]++;
    }

    public static long[] Merge(IEnumerable<long[]> histograms)
    {
        var total = new long[BucketCount];
        foreach (var counts in histograms)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += counts[i];
            }
        }

        return total;
    }

    /// <summary>"p50=… µs p99=… µs" of merged counts.</summary>
    public static string Summary(long[] counts) =>
        string.Create(CultureInfo.InvariantCulture, $"p50={Percentile(counts, 0.50):0} µs p99={Percentile(counts, 0.99):0} µs");

    public static double Percentile(long[] counts, double q)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        var rank = (long)Math.Ceiling(q * total);
        var seen = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank && seen > 0)
            {
                return FirstMicroseconds * Math.Pow(Growth, i + 1);
            }
        }

        return double.NaN;
    }
}
