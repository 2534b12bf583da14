using CineSync.Recommender.Data;
using CineSync.Recommender.Models;
using CineSync.Recommender.Tests.Numerics;

namespace CineSync.Recommender.Tests.Models;

public sealed class EaseModelTests
{
    private static readonly int[][] Rows =
    [
        [0, 1, 2], [0, 1], [1, 2, 3], [2, 3, 4], [0, 4], [1, 3], [0, 1, 2, 3, 4],
    ];

    [Fact]
    public void Ease_weights_match_the_closed_form_on_a_tiny_matrix()
    {
        const float lambda = 2f;
        var data = TrainingData.Create(Ratings());
        var model = EaseModel.Fit(data, headSize: 10, lambda, maxParallelism: 1);
        var n = data.ItemCount;

        // B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, computed naively in item-id order.
        var g = new double[n * n];
        foreach (var row in Rows)
        {
            foreach (var a in row) { foreach (var b in row) { g[(a * n) + b] += 1; } }
        }

        for (var i = 0; i < n; i++) { g[(i * n) + i] += lambda; }
        var p = Naive.Inverse(g, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var expected = i == j ? 0 : -p[(i * n) + j] / p[(j * n) + j];
                var actual = model.Weights[(model.HeadPosition[data.Items.IndexOf(i)] * n) + model.HeadPosition[data.Items.IndexOf(j)]];
                Assert.Equal(expected, actual, 2);
            }
        }
    }

    [Fact]
    public void Ease_scores_are_the_users_row_times_b()
    {
        var data = TrainingData.Create(Ratings());
        var model = EaseModel.Fit(data, headSize: 10, lambda: 2f, maxParallelism: 1);
        var profile = UserProfile.Create([data.Items.IndexOf(0), data.Items.IndexOf(4)], [5f, 5f], RatingPolicy.Default);
        var scores = new float[data.ItemCount];

        model.Score(profile, scores);

        var target = data.Items.IndexOf(2);
        var terms = new float[2];
        model.Explain(profile, target, terms);
        Assert.Equal(scores[target], terms.Sum(), 5);
    }

    private static List<RatingRecord> Ratings()
        => Rows.SelectMany((row, user) => row.Select(item => new RatingRecord(user, item, 5f, user))).ToList();
}
