namespace CineSync.Grains.Diagnostics;

/// <summary>How far back the recent figures of <see cref="RecommendationMetrics"/> (what the dashboard shows per silo) look.</summary>
public sealed class RecommendationMetricsOptions
{
    /// <summary>The configuration section holding these options (<c>--Metrics:Window=00:10:00</c>).</summary>
    public const string SectionName = "Metrics";

    /// <summary>
    /// The window of "ratings per minute" and of the feedback counts per model. Default 5 minutes: long enough that a
    /// quiet minute does not read as an outage, short enough that a model going bad shows within minutes.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many steps the window moves in (its resolution is <see cref="Window"/> ÷ this). Default 30 (10 s).</summary>
    public int Buckets { get; set; } = 30;

    internal void Validate()
    {
        if (Window < TimeSpan.FromSeconds(10) || Window > TimeSpan.FromHours(24) || Buckets is < 1 or > 10_000)
        {
            throw new InvalidOperationException("Recommendation metrics: Window must be between 10 s and 24 h and Buckets between 1 and 10000.");
        }
    }
}
