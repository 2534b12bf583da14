using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class GroupEvaluatorTests
{
    private static readonly RatingsSplit Split = DataSplitter.Split(SyntheticWorld.Ratings(), SplitKind.Random, 0.2, 5);

    private static readonly RecommenderEngine TrainedOnTrainOnly = new(BundleTrainer.Train(Split.Train, SyntheticWorld.Catalog(), new BundleTrainingOptions
    {
        Tune = false,
        Factors = 8,
        Iterations = 10,
        EaseHeadSize = 100,
        MaxParallelism = 2,
    }));

    [Fact]
    public void The_report_has_the_baseline_and_every_strategy_for_random_and_similar_groups_of_each_size()
    {
        var report = GroupEvaluator.Run(TrainedOnTrainOnly, Split, "synthetic", "random", [3, 5], maxGroups: 20);

        foreach (var kind in new[] { GroupKind.Random, GroupKind.Similar })
        {
            foreach (var size in new[] { 3, 5 })
            {
                var block = report.Rows.Where(r => r.Kind == kind && r.Size == size).ToArray();
                Assert.Equal([GroupEvaluator.Baseline, .. Enum.GetNames<GroupStrategy>()], block.Select(r => r.Strategy));
                Assert.All(block, r =>
                {
                    Assert.Equal(20, r.Groups);
                    Assert.InRange(r.MinNdcg, 0, r.MeanNdcg);
                    Assert.InRange(r.MeanNdcg, 0, 1);
                    Assert.Equal(20, r.MinVsBaseline.Pairs);
                    Assert.Equal(r.MinNdcg - block[0].MinNdcg, r.MinVsBaseline.Mean, 9);
                });
                Assert.Equal(0, block[0].MinVsBaseline.StandardError);
            }
        }

        Assert.Contains("min vs baseline", report.ToTable(), StringComparison.Ordinal);
        Assert.Contains("95% interval", report.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ranking_groups_in_parallel_gives_the_same_figures_as_one_at_a_time() =>
        Assert.Equal(
            GroupEvaluator.Run(TrainedOnTrainOnly, Split, "s", "r", [3], maxGroups: 12, parallelism: 1).Rows,
            GroupEvaluator.Run(TrainedOnTrainOnly, Split, "s", "r", [3], maxGroups: 12, parallelism: 2).Rows);

    [Fact]
    public void The_same_seed_forms_the_same_groups_and_gives_the_same_figures() =>
        Assert.Equal(
            GroupEvaluator.Run(TrainedOnTrainOnly, Split, "s", "r", [3], maxGroups: 10, seed: 9).Rows,
            GroupEvaluator.Run(TrainedOnTrainOnly, Split, "s", "r", [3], maxGroups: 10, seed: 9).Rows);
}
