using CineSync.Recommender.Data;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Tests.Models;

public sealed class Rp3BetaModelTests
{
    [Fact]
    public void Items_co_consumed_with_the_users_items_rank_first()
    {
        // Items 0 and 1 go together; 2 and 3 go together; item 4 is watched by the second group only.
        var data = TrainingData.Create(Ratings([[0, 1], [0, 1], [0, 1, 4], [2, 3, 4], [2, 3, 4], [2, 3]]));
        var model = Rp3BetaModel.Fit(data, alpha: 1f, beta: 0f, neighbours: 10, maxParallelism: 1);
        var scores = Score(model, data, 0);

        var ranked = Enumerable.Range(0, data.ItemCount).Where(i => i != data.Items.IndexOf(0)).OrderByDescending(i => scores[i]).Select(i => data.Items[i]).ToList();
        Assert.Equal(1, ranked[0]);
        Assert.Equal(4, ranked[1]);
        Assert.Equal(0f, scores[data.Items.IndexOf(2)]);
    }

    [Fact]
    public void Beta_penalises_popular_arrival_items()
    {
        // From item 0, items 1 and 2 are reached equally often, but item 2 is far more popular overall.
        var data = TrainingData.Create(Ratings([[0, 1], [0, 2], [2, 3], [2, 3], [2, 3], [2, 3]]));
        var plain = Score(Rp3BetaModel.Fit(data, alpha: 1f, beta: 0f, neighbours: 10, maxParallelism: 1), data, 0);
        var penalised = Score(Rp3BetaModel.Fit(data, alpha: 1f, beta: 0.5f, neighbours: 10, maxParallelism: 1), data, 0);

        int one = data.Items.IndexOf(1), two = data.Items.IndexOf(2);
        Assert.Equal(plain[one], plain[two], 6);
        Assert.True(penalised[one] > penalised[two]);

        // W(0, j) = Σᵤ (1/deg 0)^α (1/deg u)^α / (deg j)^β: (1/2)·(1/2) / 1 for item 1 and (1/2)·(1/2) / √5 for item 2,
        // then the row is scaled to sum to 1.
        Assert.Equal(MathF.Sqrt(5f), penalised[one] / penalised[two], 4);
        Assert.Equal(1f, penalised.Sum(), 5);
    }

    [Fact]
    public void Only_the_top_neighbours_of_each_item_are_kept()
    {
        var data = TrainingData.Create(Ratings([[0, 1, 2, 3, 4], [0, 1, 2], [0, 1]]));
        var model = Rp3BetaModel.Fit(data, alpha: 1f, beta: 0f, neighbours: 2, maxParallelism: 1);

        Assert.All(Enumerable.Range(0, data.ItemCount), i => Assert.True(model.Pointers[i + 1] - model.Pointers[i] <= 2));
        var row = model.Neighbours.AsSpan(model.Pointers[data.Items.IndexOf(0)], 2).ToArray().Select(i => data.Items[i]).Order();
        Assert.Equal([1, 2], row);
    }

    private static float[] Score(ItemKnnModel model, TrainingData data, int itemId)
    {
        var profile = UserProfile.Create([data.Items.IndexOf(itemId)], [5f], RatingPolicy.Default);
        var scores = new float[data.ItemCount];
        model.Score(profile, scores);
        return scores;
    }

    private static List<RatingRecord> Ratings(int[][] rows)
        => rows.SelectMany((row, user) => row.Select(item => new RatingRecord(user, item, 5f, user))).ToList();
}
