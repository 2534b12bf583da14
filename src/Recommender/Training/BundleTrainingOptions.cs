namespace CineSync.Recommender.Training;

/// <summary>How <see cref="BundleTrainer"/> trains a model bundle. Defaults suit MovieLens-sized corpora.</summary>
public sealed record BundleTrainingOptions
{
    /// <summary>Tune hyperparameters and ensemble weights on a temporal validation split of the ratings (default true).</summary>
    public bool Tune { get; init; } = true;

    /// <summary>ALS latent factors (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>ALS iterations (default 15).</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>Most-rated items covered by EASE (default 3000; its weights take 2·N² bytes in the bundle).</summary>
    public int EaseHeadSize { get; init; } = 3000;

    /// <summary>Ratings at or below this count against similar items when scoring (default 2.0 on a 5-star scale).</summary>
    public float DislikeAtOrBelow { get; init; } = 2f;

    /// <summary>Seed of every random choice (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Training threads; -1 uses every core.</summary>
    public int MaxParallelism { get; init; } = -1;

    /// <summary>Version label stored in the bundle; defaults to the training time (yyyyMMddHHmmss).</summary>
    public string? Version { get; init; }

    /// <summary>Clock used for the creation time and default version.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
