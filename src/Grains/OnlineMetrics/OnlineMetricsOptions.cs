namespace CineSync.Grains.OnlineMetrics;

/// <summary>Settings of the online metrics (configuration section <c>OnlineMetrics</c>).</summary>
public sealed class OnlineMetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OnlineMetrics";

    /// <summary>How long after a list was shown a rating of one of its titles still counts as its outcome (default 7 days).</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most shown lists and outcomes one write takes (default 500).</summary>
    public int MaxBatch { get; set; } = 500;

    /// <summary>
    /// Most records waiting to be written (default 10,000). While PostgreSQL is down the queue fills; records beyond it
    /// are dropped (and counted in the log) rather than holding memory or slowing a user down.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long a computed report is reused (default 10 s): the dashboard polls every 2 s.</summary>
    public TimeSpan ReportCacheAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most recent lists per window whose intra-list diversity is computed (default 5,000).</summary>
    public int DiversitySample { get; set; } = 5_000;

    internal void Validate()
    {
        if (AttributionWindow <= TimeSpan.Zero || MaxBatch < 1 || QueueCapacity < 1 || ReportCacheAge < TimeSpan.Zero || DiversitySample < 1)
        {
            throw new InvalidOperationException("OnlineMetrics: AttributionWindow, MaxBatch, QueueCapacity and DiversitySample must be positive, ReportCacheAge not negative.");
        }
    }
}
