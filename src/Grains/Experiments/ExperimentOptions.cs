namespace CineSync.Grains.Experiments;

/// <summary>Settings of experiments (configuration section <c>Experiments</c>).</summary>
public sealed class ExperimentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Experiments";

    /// <summary>How often a silo re-reads the running experiment from PostgreSQL (default 5 s).</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Titles each arm must have shown before a verdict other than "collecting" (default 200).</summary>
    public int MinTitlesPerArm { get; set; } = 200;

    /// <summary>How sure the verdict must be that one arm's like rate is higher to name it better (default 0.95).</summary>
    public double DecisionProbability { get; set; } = 0.95;

    internal void Validate()
    {
        if (RefreshPeriod <= TimeSpan.Zero || MinTitlesPerArm < 1 || DecisionProbability is <= 0.5 or >= 1)
        {
            throw new InvalidOperationException("Experiments: RefreshPeriod and MinTitlesPerArm must be positive, DecisionProbability between 0.5 and 1 (exclusive).");
        }
    }
}
