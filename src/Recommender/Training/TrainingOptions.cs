using CineSync.Recommender.Models;

namespace CineSync.Recommender.Training;

/// <summary>Hyperparameters of every model in a bundle. Defaults are sensible for MovieLens-sized data.</summary>
/// <param name="PopularityHalfLifeDays">Half-life of the popularity time decay (default 365 days).</param>
/// <param name="KnnNeighbours">Neighbours kept per item (default 100).</param>
/// <param name="KnnShrink">Shrinkage term of the cosine (default 10).</param>
/// <param name="Als">ALS hyperparameters.</param>
/// <param name="EaseHeadSize">Most-rated items covered by EASE (default 3000).</param>
/// <param name="EaseLambda">EASE L2 regularisation λ (default 250).</param>
/// <param name="Content">Content feature weights.</param>
/// <param name="Policy">How ratings become signals.</param>
/// <param name="MaxParallelism">Training threads (-1 = all cores).</param>
internal sealed record TrainingOptions(
    double PopularityHalfLifeDays = 365,
    int KnnNeighbours = 100,
    float KnnShrink = 10f,
    AlsOptions? Als = null,
    int EaseHeadSize = 3000,
    float EaseLambda = 250f,
    ContentWeights? Content = null,
    RatingPolicy? Policy = null,
    int MaxParallelism = -1)
{
    public AlsOptions AlsOrDefault => Als ?? new AlsOptions();

    public ContentWeights ContentOrDefault => Content ?? new ContentWeights();

    public RatingPolicy PolicyOrDefault => Policy ?? RatingPolicy.Default;
}
