using System.Numerics.Tensors;

namespace CineSync.Recommender.Numerics;

/// <summary>
/// Inverse of a dense symmetric positive definite matrix through Cholesky: A = L·Lᵀ, W = L⁻¹, A⁻¹ = Wᵀ·W.
/// Every stage is written as long contiguous dot products (TensorPrimitives, SIMD) over blocks of rows so
/// that each row streamed from memory serves a whole block; blocks run in parallel where rows are independent.
/// </summary>
internal static class SpdInverse
{
    private const int BlockRows = 32;

    /// <summary>Replaces <paramref name="a"/> (n×n row-major, symmetric) by its inverse.</summary>
    public static void InvertInPlace(float[] a, int n, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length < n * n)
        {
            throw new ArgumentException("Matrix buffer is smaller than n×n.", nameof(a));
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        FactorLower(a, n, options);
        var wt = new float[(long)n * n];
        InvertLowerTransposed(a, wt, n, options);
        MultiplyTransposed(wt, a, n, options);
    }

    /// <summary>In-place lower Cholesky factor (row-oriented); the strict upper triangle is left untouched.</summary>
    private static void FactorLower(float[] a, int n, ParallelOptions options)
    {
        for (var i0 = 0; i0 < n; i0 += 2 * BlockRows)
        {
            var i1 = Math.Min(n, i0 + (2 * BlockRows));
            var start = i0;

            // Columns left of the block: rows are independent of each other, so split them across threads.
            var chunks = (i1 - i0 + BlockRows - 1) / BlockRows;
            Parallel.For(0, chunks, options, c =>
            {
                var r0 = start + (c * BlockRows);
                var r1 = Math.Min(i1, r0 + BlockRows);
                for (var j = 0; j < start; j++)
                {
                    var rowJ = a.AsSpan(j * n, j + 1);
                    for (var i = r0; i < r1; i++)
                    {
                        var rowI = a.AsSpan(i * n, j + 1);
                        rowI[j] = (rowI[j] - TensorPrimitives.Dot(rowI[..j], rowJ[..j])) / rowJ[j];
                    }
                }
            });

            // The diagonal block itself: a small sequential Cholesky.
            for (var j = i0; j < i1; j++)
            {
                var rowJ = a.AsSpan(j * n, j + 1);
                var d = rowJ[j] - TensorPrimitives.Dot(rowJ[..j], rowJ[..j]);
                if (!(d > 0))
                {
                    throw new ArithmeticException($"Matrix is not positive definite (pivot {j} = {d}).");
                }

                rowJ[j] = MathF.Sqrt(d);
                for (var i = j + 1; i < i1; i++)
                {
                    var rowI = a.AsSpan(i * n, j + 1);
                    rowI[j] = (rowI[j] - TensorPrimitives.Dot(rowI[..j], rowJ[..j])) / rowJ[j];
                }
            }
        }
    }

    /// <summary>Row j of <paramref name="wt"/> receives column j of L⁻¹ (so wt is upper triangular).</summary>
    private static void InvertLowerTransposed(float[] l, float[] wt, int n, ParallelOptions options)
    {
        var blocks = (n + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, options, b =>
        {
            var j0 = b * BlockRows;
            var j1 = Math.Min(n, j0 + BlockRows);
            for (var i = j0; i < n; i++)
            {
                var rowL = l.AsSpan(i * n, i + 1);
                var last = Math.Min(j1, i + 1);
                for (var j = j0; j < last; j++)
                {
                    var w = wt.AsSpan(j * n, n);
                    w[i] = i == j ? 1f / rowL[i] : -TensorPrimitives.Dot(rowL[j..i], w[j..i]) / rowL[i];
                }
            }
        });
    }

    /// <summary>Writes P = Wᵀ·W, i.e. P[i,j] = Σₖ wt[i,k]·wt[j,k] over k ≥ max(i, j), into <paramref name="p"/>.</summary>
    private static void MultiplyTransposed(float[] wt, float[] p, int n, ParallelOptions options)
    {
        var blocks = (n + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, options, b =>
        {
            var i0 = b * BlockRows;
            var i1 = Math.Min(n, i0 + BlockRows);
            for (var j = i0; j < n; j++)
            {
                var rowJ = wt.AsSpan((j * n) + j, n - j);
                var last = Math.Min(i1, j + 1);
                for (var i = i0; i < last; i++)
                {
                    var v = TensorPrimitives.Dot(wt.AsSpan((i * n) + j, n - j), rowJ);
                    p[(i * n) + j] = v;
                    p[(j * n) + i] = v;
                }
            }
        });
    }
}
