using CineSync.Recommender.Training;

namespace CineSync.Grains.Hosting;

/// <summary>
/// Settings of the CineSync grains, bound from the <c>Grains</c> section (<c>--Grains:MaxRatingBatch=64</c>) and checked
/// when the silo starts (<see cref="CineSyncGrainsOptionsValidator"/>). How long statements may take is the database's
/// setting (<c>Database:Timeout</c>), not the grains'.
/// </summary>
public sealed class CineSyncGrainsOptions
{
    /// <summary>The configuration section holding these options.</summary>
    public const string SectionName = "Grains";

    /// <summary>Most rating rows one group commit writes (default 256).</summary>
    public int MaxRatingBatch { get; set; } = 256;

    /// <summary>How often ModelGrain workers ask the registry for a newer model (default 30 s).</summary>
    public TimeSpan ModelCheckPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the catalogue's trending list is cached (default 30 s; zero recomputes it on every call).</summary>
    public TimeSpan TrendingCacheAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the silo trains a model at start when none is stored (default true).</summary>
    public bool TrainWhenNoModel { get; set; } = true;

    /// <summary>
    /// Options of training runs started by the silo (<c>Grains:Training:Factors</c>, …). Default: no tuning, 64 factors,
    /// 15 iterations, EASE on the 2,000 most-rated titles — seconds on ml-latest-small.
    /// </summary>
    public BundleTrainingOptions Training { get; set; } = new() { Tune = false, EaseHeadSize = 2000 };
}
