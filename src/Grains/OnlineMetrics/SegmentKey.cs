namespace CineSync.Grains.OnlineMetrics;

/// <summary>A model version within an experiment arm (or outside any experiment: both null).</summary>
internal readonly record struct SegmentKey(int ModelVersion, int? ExperimentId, string? Arm)
{
    /// <summary>Stands for every list together (no model version is negative).</summary>
    public static SegmentKey Total { get; } = new(-1, null, null);

    public bool IsTotal => ModelVersion < 0;
}
