using System.Diagnostics;

namespace CineSync.Grains.Bench;

/// <summary>Collected call latencies and their percentiles.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly List<double> _ms = new(capacity);

    public int Count => _ms.Count;

    public void Add(long startTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (_ms)
        {
            _ms.Add(ms);
        }
    }

    /// <summary>The median, in milliseconds.</summary>
    public double P50 => Percentile(_ms.Order().ToArray(), 0.50);

    public string Summary()
    {
        var sorted = _ms.Order().ToArray();
        double P(double q) => Percentile(sorted, q);
        return $"n={sorted.Length} p50={P(0.50):0.000} ms p90={P(0.90):0.000} ms p99={P(0.99):0.000} ms max={sorted[^1]:0.000} ms";
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
