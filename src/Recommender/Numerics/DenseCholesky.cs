namespace CineSync.Recommender.Numerics;

/// <summary>Cholesky factorisation and solves for small dense symmetric positive definite matrices (row-major).</summary>
internal static class DenseCholesky
{
    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> (n×n, row-major) with L where A = L·Lᵀ.
    /// Reads only the lower triangle. Throws when A is not positive definite.
    /// </summary>
    public static void Factor(Span<float> a, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var rowI = a.Slice(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                var rowJ = a.Slice(j * n, n);
                var s = rowI[j] - ShortDot.Dot(rowI[..j], rowJ[..j]);
                if (i == j)
                {
                    if (!(s > 0))
                    {
                        throw new ArithmeticException($"Matrix is not positive definite (pivot {i} = {s}).");
                    }

                    rowI[i] = MathF.Sqrt(s);
                }
                else
                {
                    rowI[j] = s / rowJ[j];
                }
            }
        }
    }

    /// <summary>Solves L·Lᵀ·x = b in place (<paramref name="x"/> holds b on entry) with the factor from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<float> l, int n, Span<float> x)
    {
        // Forward: L·z = b.
        for (var i = 0; i < n; i++)
        {
            x[i] = (x[i] - ShortDot.Dot(l.Slice(i * n, i), x[..i])) / l[(i * n) + i];
        }

        // Backward: Lᵀ·x = z (column access of L).
        for (var i = n - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[(k * n) + i] * x[k];
            }

            x[i] = s / l[(i * n) + i];
        }
    }
}
