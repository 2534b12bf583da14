using CineSync.Recommender.Bundle;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Tests.Bundle;

public sealed class BlendBucketTests
{
    private static readonly UserRating[] TwoRatings = [new(100, 5f), new(101, 5f)];
    private static readonly UserRating[] SixRatings = [new(100, 5f), new(101, 5f), new(102, 5f), new(103, 4f), new(104, 5f), new(105, 4f)];

    [Fact]
    public void Users_with_few_ratings_are_scored_with_their_buckets_weights_after_a_save_and_load()
    {
        var original = SyntheticWorld.Bundle;
        var names = original.ModelNames.ToList();
        var knnOnly = names.Select(n => n == "knn" ? 1f : 0f).ToArray();
        var easeOnly = names.Select(n => n == "ease" ? 1f : 0f).ToArray();
        var bucketed = new ModelBundle(original.Version, original.CreatedAt, original.Metrics, original.Items, original.Facts, original.Policy, original.Models,
            new BlendWeights(easeOnly, [3], [knnOnly]));
        var loaded = ModelBundle.Load(Save(bucketed));
        var engine = new RecommenderEngine(loaded);

        var light = engine.Recommend(new RecommendationRequest(TwoRatings));
        var heavy = engine.Recommend(new RecommendationRequest(SixRatings));

        Assert.All(light.Items, r => Assert.Equal(["knn"], r.ModelContributions.Where(c => c.Value != 0).Select(c => c.Key)));
        Assert.All(heavy.Items, r => Assert.Equal(["ease"], r.ModelContributions.Where(c => c.Value != 0).Select(c => c.Key)));
        Assert.Equal([3], loaded.Blend.BucketBounds);
    }

    [Fact]
    public void Ensemble_weights_follow_the_users_rating_count_across_bucket_bounds()
    {
        float[] low = [1f, 0f], mid = [0f, 1f], high = [0.5f, 0.5f];
        var ensemble = new Ensemble([new PopularityModel([1f]), new PopularityModel([2f])], high, 1, [5, 20], [low, mid]);

        Assert.Same(low, ensemble.WeightsFor(0));
        Assert.Same(low, ensemble.WeightsFor(4));
        Assert.Same(mid, ensemble.WeightsFor(5));
        Assert.Same(mid, ensemble.WeightsFor(19));
        Assert.Same(high, ensemble.WeightsFor(20));
    }

    private static byte[] Save(ModelBundle bundle)
    {
        using var stream = new MemoryStream();
        bundle.Save(stream);
        return stream.ToArray();
    }
}
