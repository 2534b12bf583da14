using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Tests.Training;

public sealed class ValidationProtocolTests
{
    private static readonly TuningGrid Small = new([10], [10f], [10f], [10f], [10f, 100f], [0f, 5f], [], [0.25f], [0.8f], [0.3f]);

    [Fact]
    public void A_random_per_user_test_split_is_imitated_by_a_random_per_user_validation_split()
    {
        var report = Evaluate(DataSplitter.Split(SyntheticWorld.Ratings(), SplitKind.Random, 0.25, seed: 9));

        Assert.StartsWith("Random", report.DetectedTestSplit);
        Assert.StartsWith("random per-user holdout", report.ValidationProtocol);
        // A random holdout has no "next" ratings: recency weighting is not tried.
        Assert.DoesNotContain(report.TuningLog, line => line.Contains("] recency halfLife=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_temporal_test_split_is_imitated_by_holding_out_each_users_latest_train_ratings()
    {
        var report = Evaluate(DataSplitter.Split(SyntheticWorld.Ratings(), SplitKind.Temporal, 0.2));

        Assert.StartsWith("Temporal", report.DetectedTestSplit);
        Assert.StartsWith("temporal per-user holdout", report.ValidationProtocol);
        Assert.Contains(report.TuningLog, line => line.Contains("] recency halfLife=", StringComparison.Ordinal));
    }

    [Fact]
    public void User_item_pairs_without_times_or_catalogue_get_a_random_validation_split_and_content_sits_out()
    {
        var pairs = SyntheticWorld.Ratings().Select(r => r with { Value = 1f, Timestamp = 0 }).ToList();

        var report = Evaluate(DataSplitter.Split(pairs, SplitKind.Temporal, 0.2), catalog: []);

        Assert.StartsWith("random per-user holdout, 20", report.ValidationProtocol);
        Assert.DoesNotContain(report.Models, m => m.Model == "content");
        Assert.Equal(0f, report.EnsembleWeights["content"]);
        Assert.Contains(report.Models, m => m.Model == "rp3b");
    }

    [Fact]
    public void The_validation_protocol_is_in_the_json_report_and_the_table()
    {
        var report = Evaluate(DataSplitter.Split(SyntheticWorld.Ratings(), SplitKind.Random, 0.2, seed: 3));

        var json = System.Text.Json.JsonSerializer.Serialize(report, EvaluationJsonContext.Default.EvaluationReport);
        Assert.Contains("\"validationProtocol\": \"random per-user holdout", json, StringComparison.Ordinal);
        Assert.Contains("validation protocol: random per-user holdout", report.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_random_split_holds_out_the_same_fraction_of_every_users_ratings()
    {
        var ratings = SyntheticWorld.Ratings();

        var split = DataSplitter.Split(ratings, SplitKind.Random, 0.2, seed: 5);

        foreach (var user in ratings.GroupBy(r => r.UserId))
        {
            var held = split.Test.Count(r => r.UserId == user.Key);
            Assert.Equal(Math.Max(1, (int)Math.Round(user.Count() * 0.2)), held);
        }

        Assert.Equal(SplitKind.Random, SplitDetector.Detect(split).Kind);
    }

    [Fact]
    public void With_thousands_of_users_to_spare_the_blend_is_learned_on_users_whose_held_out_items_did_not_choose_the_hyperparameters()
    {
        // 6,200 users in two taste groups, 6 ratings each among the group's 20 items.
        var random = new Random(11);
        var ratings = new List<RatingRecord>();
        for (var user = 1; user <= 6200; user++)
        {
            var group = user % 2 * 20;
            foreach (var item in Enumerable.Range(group, 20).OrderBy(_ => random.Next()).Take(6))
            {
                ratings.Add(new RatingRecord(user, item, 1f, 0));
            }
        }

        var report = Evaluate(DataSplitter.Split(ratings, SplitKind.Random, 0.2, seed: 4), catalog: []);

        // The search scores 3,000 validation users; the other 3,200 choose the blend.
        Assert.Contains(report.TuningLog, line => line.EndsWith("blend: learned on the 3200 validation users the hyperparameter search did not use", StringComparison.Ordinal));
        Assert.DoesNotContain(report.TuningLog, line => line.Contains("second random holdout", StringComparison.Ordinal));
    }

    [Fact]
    public void With_few_users_the_blend_also_learns_from_a_second_random_holdout()
    {
        var report = Evaluate(DataSplitter.Split(SyntheticWorld.Ratings(), SplitKind.Random, 0.2, seed: 3));

        Assert.Contains(report.TuningLog, line => line.Contains("a second random holdout (seed 43) is added", StringComparison.Ordinal));
    }

    private static EvaluationReport Evaluate(RatingsSplit split, IReadOnlyList<ItemMetadata>? catalog = null)
    {
        var options = new TrainingOptions(Als: new AlsOptions(Factors: 8, Iterations: 3), EaseHeadSize: 100, Policy: new RatingPolicy(DislikeAtOrBelow: -1f), MaxParallelism: 2);
        return EvaluationRun.Run("synthetic", "given", split, catalog ?? SyntheticWorld.Catalog(), options, new EvaluationOptions(), Small, _ => { }).Report;
    }
}
