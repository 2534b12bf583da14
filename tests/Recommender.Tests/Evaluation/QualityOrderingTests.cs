using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;
using CineSync.Testing;

namespace CineSync.Recommender.Tests.Evaluation;

public sealed class QualityOrderingTests
{
    [Fact]
    public void On_ml_100k_u1_the_models_order_as_in_the_literature_and_the_ensemble_is_not_worse_than_popularity()
    {
        var folder = SharedPaths.Data("ml-100k");
        var split = new RatingsSplit(RatingsFileReader.Read(Path.Combine(folder, "u1.base")), RatingsFileReader.Read(Path.Combine(folder, "u1.test")));
        // Implicit protocol: every training rating is a positive signal, none counts as a dislike.
        var options = new TrainingOptions(EaseLambda: 500f, Policy: new RatingPolicy(DislikeAtOrBelow: -1f), MaxParallelism: 2);

        var (report, _, _) = EvaluationRun.Run("ml-100k", "u1", split, MovieLensReader.ReadCatalog(folder), options, new EvaluationOptions(), grid: null, _ => { });

        var ndcg = report.Models.ToDictionary(m => m.Model, m => m.Metrics.Ndcg);
        Assert.True(ndcg["pop"] < ndcg["knn"], report.ToTable());
        Assert.True(ndcg["knn"] <= ndcg["als"], report.ToTable());
        Assert.True(ndcg["als"] <= ndcg["ease"], report.ToTable());
        Assert.True(ndcg["ensemble"] > ndcg["knn"], report.ToTable());
        Assert.Equal(459, report.Models[0].Metrics.Users);
    }
}
