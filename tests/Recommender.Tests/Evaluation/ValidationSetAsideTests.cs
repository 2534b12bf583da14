using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;

namespace CineSync.Recommender.Tests.Evaluation;

public sealed class ValidationSetAsideTests
{
    [Fact]
    public void A_random_70_10_20_protocol_trains_on_70_percent_of_each_users_ratings_and_tests_on_20()
    {
        var ratings = new List<RatingRecord>();
        for (var user = 1; user <= 30; user++)
        {
            for (var item = 0; item < 50; item++)
            {
                ratings.Add(new RatingRecord(user, item, 1f, item));
            }
        }

        var split = ProtocolSplitter.SettingAsideValidation(ratings, SplitKind.Random, testFraction: 0.2, validationFraction: 0.1, seed: 6);

        foreach (var user in ratings.Select(r => r.UserId).Distinct())
        {
            var train = split.Train.Where(r => r.UserId == user).Select(r => r.ItemId).ToHashSet();
            var test = split.Test.Where(r => r.UserId == user).Select(r => r.ItemId).ToHashSet();
            Assert.Equal(35, train.Count);
            Assert.Equal(10, test.Count);
            Assert.Empty(train.Intersect(test)); // the other 5 are the validation part, used by neither
        }

        // The test part is the one a plain 80/20 split of the same seed holds out.
        Assert.Equal(DataSplitter.Split(ratings, SplitKind.Random, 0.2, seed: 6).Test, split.Test);
    }

    [Fact]
    public void A_validation_part_that_leaves_nothing_to_train_on_is_refused()
    {
        RatingRecord[] ratings = [new RatingRecord(1, 1, 1f, 0), new RatingRecord(1, 2, 1f, 0)];

        Assert.Throws<ArgumentException>(() => ProtocolSplitter.SettingAsideValidation(ratings, SplitKind.Random, 0.5, 0.5));
        Assert.Throws<ArgumentException>(() => ProtocolSplitter.SettingAsideValidation(ratings, SplitKind.LeaveLastOut, 0.2, 0.1));
    }
}
