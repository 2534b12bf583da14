using CineSync.Recommender.Training;

namespace CineSync.Grains.Hosting;

/// <summary>Settings of the CineSync grains.</summary>
public sealed class CineSyncGrainsOptions
{
    /// <summary>The PostgreSQL connection string; when null (default) it comes from the Database project's <c>IDatabaseEndpoint</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The default of <see cref="DatabaseTimeout"/>.</summary>
    public static readonly TimeSpan DefaultDatabaseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long connecting to PostgreSQL, and each statement a user waits for, may take before the user is told to try
    /// again (default 2 s; whole seconds). Bulk work (training, model bundles) keeps longer timeouts.
    /// </summary>
    public TimeSpan DatabaseTimeout { get; set; } = DefaultDatabaseTimeout;

    /// <summary>Most rating rows one group commit writes (default 256).</summary>
    public int MaxRatingBatch { get; set; } = 256;

    /// <summary>How often ModelGrain workers ask the registry for a newer model (default 30 s).</summary>
    public TimeSpan ModelCheckPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the catalogue's trending list is cached (default 30 s).</summary>
    public TimeSpan TrendingCacheAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the silo trains a model at start when none is stored (default true).</summary>
    public bool TrainWhenNoModel { get; set; } = true;

    /// <summary>
    /// Options of training runs started by the silo. Default: no tuning, 64 factors, EASE on the 2,000 most-rated titles —
    /// seconds on ml-latest-small.
    /// </summary>
    public BundleTrainingOptions Training { get; set; } = new() { Tune = false, EaseHeadSize = 2000 };

    internal void Validate()
    {
        if (MaxRatingBatch < 1 || DatabaseTimeout <= TimeSpan.Zero || ModelCheckPeriod <= TimeSpan.Zero || TrendingCacheAge < TimeSpan.Zero)
        {
            throw new InvalidOperationException("CineSync grain options: MaxRatingBatch and DatabaseTimeout must be positive and periods must not be negative.");
        }
    }
}
