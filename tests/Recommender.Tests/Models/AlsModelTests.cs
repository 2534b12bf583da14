using CineSync.Recommender.Data;
using CineSync.Recommender.Models;
using CineSync.Recommender.Tests.Numerics;

namespace CineSync.Recommender.Tests.Models;

public sealed class AlsModelTests
{
    private static readonly RatingPolicy NoDislikes = new(DislikeAtOrBelow: -1f);
    private static readonly AlsOptions Options = new(Factors: 6, Iterations: 5, Regularization: 2f, Alpha: 4f, Seed: 11);

    [Fact]
    public void Fold_in_is_the_exact_least_squares_solution_against_fixed_item_factors()
    {
        var data = TrainingData.Create(SyntheticWorld.Ratings());
        var model = AlsModel.Fit(data, Options, NoDislikes, maxParallelism: 2);
        var user = 3;
        var profile = UserProfile.Create(data.UserItems.RowColumns(user), data.UserItems.RowValues(user), NoDislikes);

        var taste = model.FoldIn(profile);

        var expected = DirectSolve(model, profile);
        for (var f = 0; f < Options.Factors; f++)
        {
            Assert.Equal(expected[f], taste[f], 4);
        }
    }

    [Fact]
    public void Conjugate_gradient_converges_to_the_direct_solution()
    {
        var data = TrainingData.Create(SyntheticWorld.Ratings());
        var model = AlsModel.Fit(data, Options, NoDislikes, maxParallelism: 2);
        var user = 50;
        var columns = data.UserItems.RowColumns(user);
        var confidence = data.UserItems.RowValues(user).ToArray().Select(r => model.Confidence(r)).ToArray();
        var k = Options.Factors;
        var x = new float[k];

        AlsModel.ConjugateGradient(model.Gram, model.ItemFactors, columns, confidence, x, new float[3 * k], k, steps: 3 * k);

        var expected = DirectSolve(model, UserProfile.Create(columns, data.UserItems.RowValues(user), NoDislikes));
        for (var f = 0; f < k; f++)
        {
            Assert.Equal(expected[f], x[f], 3);
        }
    }

    [Fact]
    public void Training_with_the_same_seed_gives_identical_factors()
    {
        var data = TrainingData.Create(SyntheticWorld.Ratings());

        var a = AlsModel.Fit(data, Options, NoDislikes, maxParallelism: 2);
        var b = AlsModel.Fit(data, Options, NoDislikes, maxParallelism: 1);

        Assert.Equal(a.ItemFactors, b.ItemFactors);
    }

    [Fact]
    public void Explanation_terms_add_up_to_the_predicted_score()
    {
        var data = TrainingData.Create(SyntheticWorld.Ratings());
        var model = AlsModel.Fit(data, Options, NoDislikes, maxParallelism: 2);
        var profile = UserProfile.Create(data.UserItems.RowColumns(7), data.UserItems.RowValues(7), NoDislikes);
        var scores = new float[data.ItemCount];
        model.Score(profile, scores);
        var terms = new float[profile.Count];

        model.Explain(profile, 30, terms);

        Assert.Equal(scores[30], terms.Sum(), 3);
    }

    /// <summary>(YᵀY + λI + Σ (c−1)·yyᵀ)·x = Σ c·y solved in double precision.</summary>
    private static double[] DirectSolve(AlsModel model, UserProfile profile)
    {
        var k = model.Factors;
        var a = new double[k * k];
        var b = new double[k];
        for (var i = 0; i < model.ItemCount; i++)
        {
            var y = model.Item(i);
            for (var f = 0; f < k; f++)
            {
                for (var g = 0; g < k; g++) { a[(f * k) + g] += y[f] * y[g]; }
            }
        }

        for (var f = 0; f < k; f++) { a[(f * k) + f] += model.Regularization; }
        for (var r = 0; r < profile.Count; r++)
        {
            var y = model.Item(profile.Items[r]);
            var c = model.Confidence(profile.Ratings[r]);
            for (var f = 0; f < k; f++)
            {
                b[f] += c * y[f];
                for (var g = 0; g < k; g++) { a[(f * k) + g] += (c - 1) * y[f] * y[g]; }
            }
        }

        return Naive.Solve(a, b, k);
    }
}
