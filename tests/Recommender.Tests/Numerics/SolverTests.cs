using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Tests.Numerics;

public sealed class SolverTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    [InlineData(150)]
    public void Blocked_spd_inverse_matches_a_naive_gauss_jordan_inverse(int n)
    {
        var a = Naive.RandomSpd(n, seed: n);
        var expected = Naive.Inverse(a, n);
        var actual = a.Select(v => (float)v).ToArray();

        SpdInverse.InvertInPlace(actual, n, maxParallelism: 2);

        for (var i = 0; i < n * n; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-4 * (1 + Math.Abs(expected[i])), $"entry {i}: {expected[i]} vs {actual[i]}");
        }
    }

    [Fact]
    public void Dense_cholesky_solves_a_linear_system()
    {
        const int n = 12;
        var a = Naive.RandomSpd(n, seed: 3);
        var b = Enumerable.Range(0, n).Select(i => (double)(i - 4)).ToArray();
        var expected = Naive.Solve(a, b, n);
        var factor = a.Select(v => (float)v).ToArray();
        var x = b.Select(v => (float)v).ToArray();

        DenseCholesky.Factor(factor, n);
        DenseCholesky.Solve(factor, n, x);

        for (var i = 0; i < n; i++)
        {
            Assert.Equal(expected[i], x[i], 3);
        }
    }

    [Fact]
    public void Top_k_returns_the_largest_scores_best_first_and_skips_excluded_items()
    {
        float[] scores = [0.1f, 5f, float.NegativeInfinity, 3f, 3f, 9f];
        var top = new int[4];

        var found = TopK.Select(scores, top);

        Assert.Equal(4, found);
        Assert.Equal([5, 1, 3, 4], top);
    }

    [Theory]
    [InlineData(64, 200)]
    [InlineData(6, 13)]
    public void Gram_kernel_adds_the_lower_triangle_of_z_transpose_z(int k, int n)
    {
        var stride = (n + 7) & ~7;
        var random = new Random(k);
        var zt = new float[k * stride];
        for (var f = 0; f < k; f++)
        {
            for (var r = 0; r < n; r++) { zt[(f * stride) + r] = (float)random.NextDouble() - 0.5f; }
        }

        var a = Enumerable.Repeat(1f, k * k).ToArray();
        GramKernel.AddLowerGram(zt, k, stride, a);

        for (var f = 0; f < k; f++)
        {
            for (var g = 0; g < k; g++)
            {
                var expected = 1.0;
                if (g <= f)
                {
                    for (var r = 0; r < n; r++) { expected += zt[(f * stride) + r] * (double)zt[(g * stride) + r]; }
                }

                Assert.Equal(expected, a[(f * k) + g], 3);
            }
        }
    }
}
