using CineSync.Recommender.Models;

namespace CineSync.Recommender.Training;

/// <summary>Hyperparameters of every model in a bundle. Defaults are sensible for MovieLens-sized data.</summary>
/// <param name="PopularityHalfLifeDays">Half-life of the popularity time decay (default 365 days).</param>
/// <param name="KnnNeighbours">Neighbours kept per item (default 100).</param>
/// <param name="KnnShrink">Shrinkage term of the cosine (default 10).</param>
/// <param name="Als">ALS hyperparameters.</param>
/// <param name="EaseHeadSize">Most-rated items covered by EASE and EDLAE (default 20,000: every rated item of MovieLens-sized data).</param>
/// <param name="EaseLambda">EASE L2 regularisation λ (default 250).</param>
/// <param name="EdlaeLambda">EDLAE's constant part of the penalty (default 50).</param>
/// <param name="EdlaeDropout">EDLAE's dropout probability p: penalty p/(1−p)·(XᵀX)ᵢᵢ on item i (default 0.25).</param>
/// <param name="Rp3Alpha">RP3β's transition exponent α (default 0.8).</param>
/// <param name="Rp3Beta">RP3β's popularity exponent β (default 0.3).</param>
/// <param name="Rp3Neighbours">RP3β neighbours kept per item (default 200).</param>
/// <param name="Content">Content feature weights.</param>
/// <param name="Policy">How ratings become signals.</param>
/// <param name="MaxParallelism">Training threads (-1 = all cores).</param>
internal sealed record TrainingOptions(
    double PopularityHalfLifeDays = 365,
    int KnnNeighbours = 100,
    float KnnShrink = 10f,
    AlsOptions? Als = null,
    int EaseHeadSize = 20_000,
    float EaseLambda = 250f,
    float EdlaeLambda = 50f,
    float EdlaeDropout = 0.25f,
    float Rp3Alpha = 0.8f,
    float Rp3Beta = 0.3f,
    int Rp3Neighbours = 200,
    ContentWeights? Content = null,
    RatingPolicy? Policy = null,
    int MaxParallelism = -1)
{
    public AlsOptions AlsOrDefault => Als ?? new AlsOptions();

    public ContentWeights ContentOrDefault => Content ?? new ContentWeights();

    public RatingPolicy PolicyOrDefault => Policy ?? RatingPolicy.Default;
}
