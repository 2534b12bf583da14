namespace CineSync.Grains.Retraining;

/// <summary>Settings of the retraining schedule (configuration section <c>Retraining</c>).</summary>
public sealed class RetrainingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retraining";

    /// <summary>Whether silos register the schedule's reminder (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the reminder checks whether to retrain (default 1 hour; Orleans reminders tick at most every minute).</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Users' ratings since the current model was trained that start a retraining (default 1,000).</summary>
    public int MinNewRatings { get; set; } = 1_000;

    /// <summary>A model older than this is retrained once any new rating arrived (default 1 day).</summary>
    public TimeSpan MaxModelAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Share of the new ratings, the newest, held out for the offline comparison (default 0.2).</summary>
    public double HoldOutShare { get; set; } = 0.2;

    /// <summary>How much lower the candidate's NDCG@10 on the held-out ratings may be and still go to a canary (default 0: not worse).</summary>
    public double MaxNdcgDrop { get; set; }

    /// <summary>The canary arm's share of users (default 0.1).</summary>
    public double CanaryShare { get; set; } = 0.1;

    internal void Validate()
    {
        if (CheckPeriod < TimeSpan.FromMinutes(1) || MinNewRatings < 1 || MaxModelAge <= TimeSpan.Zero
            || HoldOutShare is <= 0 or >= 1 || MaxNdcgDrop is < -1.5 or > 1 || CanaryShare is <= 0 or >= 1)
        {
            throw new InvalidOperationException("Retraining: CheckPeriod at least 1 minute, MinNewRatings and MaxModelAge positive, HoldOutShare and CanaryShare between 0 and 1, MaxNdcgDrop between -1.5 and 1.");
        }
    }
}
