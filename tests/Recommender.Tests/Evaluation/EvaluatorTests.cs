using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Tests.Evaluation;

public sealed class EvaluatorTests
{
    [Fact]
    public void A_test_item_never_seen_in_training_counts_as_relevant_but_cannot_be_hit()
    {
        var train = TrainingData.Create(
        [
            new RatingRecord(1, 10, 5, 1), new RatingRecord(1, 11, 5, 2),
            new RatingRecord(2, 10, 5, 1), new RatingRecord(2, 12, 5, 2),
        ]);
        RatingRecord[] test = [new RatingRecord(1, 12, 5, 3), new RatingRecord(1, 99, 5, 4)];
        var evaluator = new Evaluator(train, test, new EvaluationOptions(K: 2, Sampled: true), new RatingPolicy(DislikeAtOrBelow: -1));

        // A scorer that ranks item 12 first: one of the user's two relevant items is hit.
        var metrics = evaluator.Evaluate((_, _, scores) =>
        {
            scores.Clear();
            scores[train.Items.IndexOf(12)] = 1f;
        }, (_, _) => 0f);

        Assert.Equal(1, metrics.Users);
        Assert.Equal(0.5, metrics.Recall, 12);
        Assert.Equal(1.0, metrics.Mrr, 12);
    }

    [Fact]
    public void The_users_left_out_of_a_capped_evaluation_are_exactly_the_others()
    {
        var ratings = new List<RatingRecord>();
        var test = new List<RatingRecord>();
        for (var user = 1; user <= 10; user++)
        {
            ratings.Add(new RatingRecord(user, 10, 5, 1));
            test.Add(new RatingRecord(user, 11, 5, 2));
        }

        var train = TrainingData.Create(ratings);
        var policy = new RatingPolicy(DislikeAtOrBelow: -1);
        var sampled = new Evaluator(train, test, new EvaluationOptions(MaxUsers: 4), policy).Users;
        var others = new Evaluator(train, test, new EvaluationOptions(MaxUsers: 4, UnsampledUsers: true), policy).Users;
        var uncapped = new Evaluator(train, test, new EvaluationOptions(MaxUsers: 20, UnsampledUsers: true), policy).Users;

        Assert.Equal(4, sampled.Count);
        Assert.Equal(6, others.Count);
        Assert.Empty(sampled.Intersect(others));
        Assert.Equal(Enumerable.Range(0, 10), sampled.Concat(others).Order());
        Assert.Empty(uncapped);
    }
}
