namespace CineSync.Recommender.Models;

/// <summary>
/// Ensemble weights in model order: <see cref="Weights"/> for users with at least the last bound of ratings (every
/// user when there are no buckets), and <see cref="BucketWeights"/>[b] for users with fewer than
/// <see cref="BucketBounds"/>[b] ratings (and not fewer than the bound before it).
/// </summary>
/// <param name="Weights">Weights of the top bucket (or of everyone).</param>
/// <param name="BucketBounds">Ascending exclusive upper bounds on a user's number of ratings.</param>
/// <param name="BucketWeights">One weight vector per bound.</param>
internal sealed record BlendWeights(float[] Weights, int[] BucketBounds, float[][] BucketWeights)
{
    public static BlendWeights Global(float[] weights) => new(weights, [], []);

    public Ensemble Ensemble(IReadOnlyList<IScoringModel> models, int itemCount) => new(models, Weights, itemCount, BucketBounds, BucketWeights);
}
