using System.Text.Json;
using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Tests.Evaluation;

public sealed class EvaluationDeterminismTests
{
    [Fact]
    public void The_same_seed_gives_the_same_tuned_evaluation()
    {
        var split = DataSplitter.Split(SyntheticWorld.Ratings(), SplitKind.Temporal, 0.2, seed: 3);
        var options = new TrainingOptions(Als: new AlsOptions(Factors: 8, Iterations: 4), EaseHeadSize: 100, MaxParallelism: 2);
        var grid = new TuningGrid([10, 20], [0f, 10f], [10f], [10f, 50f], [10f, 100f], [0f, 5f]);

        string Run() => JsonSerializer.Serialize(
            EvaluationRun.Run("synthetic", "temporal", split, SyntheticWorld.Catalog(), options, new EvaluationOptions(Sampled: true), grid, _ => { })
                .Report.Models.Select(m => m.Metrics with { ScoringMicrosecondsP50 = 0 }).ToList());

        Assert.Equal(Run(), Run());
    }
}
