using CineSync.Recommender.Data;
using CineSync.Recommender.Models;
using CineSync.Recommender.Tests.Numerics;

namespace CineSync.Recommender.Tests.Models;

public sealed class EdlaeModelTests
{
    private static readonly int[][] Rows =
    [
        [0, 1, 2], [0, 1], [1, 2, 3], [2, 3, 4], [0, 4], [1, 3], [0, 1, 2, 3, 4], [0, 1, 3],
    ];

    [Fact]
    public void Edlae_weights_match_the_closed_form_with_popularity_scaled_dropout_penalty()
    {
        const float lambda = 1f, dropout = 0.4f;
        var data = TrainingData.Create(Ratings());
        var model = EaseModel.Fit(ItemGram.Create(data, 10, 1), lambda, dropout, "edlae", maxParallelism: 1);
        var n = data.ItemCount;

        // Steck 2020, full rank: B = I − P·diag(1/diag P), P = (XᵀX + Λ)⁻¹, Λ = λI + p/(1−p)·diag(XᵀX).
        var g = new double[n * n];
        foreach (var row in Rows)
        {
            foreach (var a in row) { foreach (var b in row) { g[(a * n) + b] += 1; } }
        }

        for (var i = 0; i < n; i++) { g[(i * n) + i] += lambda + (dropout / (1 - dropout) * g[(i * n) + i]); }
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
    public void Without_dropout_edlae_is_ease()
    {
        var data = TrainingData.Create(Ratings());
        var gram = ItemGram.Create(data, 10, 1);

        var edlae = EaseModel.Fit(gram, 3f, 0f, "edlae", maxParallelism: 1);
        var ease = EaseModel.Fit(data, 10, 3f, maxParallelism: 1);

        Assert.Equal(ease.Weights, edlae.Weights);
        Assert.Equal("edlae", edlae.Name);
    }

    private static List<RatingRecord> Ratings()
        => Rows.SelectMany((row, user) => row.Select(item => new RatingRecord(user, item, 5f, user))).ToList();
}
