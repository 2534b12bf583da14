namespace CineSync.Grains.Drift;

/// <summary>Settings of drift detection (configuration section <c>Drift</c>).</summary>
public sealed class DriftOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Drift";

    /// <summary>Whether each silo compares recent ratings with the training data at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often (default 10 minutes).</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far back "recent" reaches, never before the model was trained (default 7 days).</summary>
    public TimeSpan RecentWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Fewest recent ratings worth comparing (default 100): fewer say nothing about a distribution.</summary>
    public int MinRecentRatings { get; set; } = 100;

    /// <summary>
    /// Population stability index above which a distribution has drifted (default 0.25, the usual "significant shift";
    /// 0.1–0.25 is commonly read as moderate).
    /// </summary>
    public double Threshold { get; set; } = 0.25;

    internal void Validate()
    {
        if (CheckPeriod <= TimeSpan.Zero || RecentWindow <= TimeSpan.Zero || MinRecentRatings < 1 || !(Threshold > 0))
        {
            throw new InvalidOperationException("Drift: CheckPeriod, RecentWindow, MinRecentRatings and Threshold must be positive.");
        }
    }
}
