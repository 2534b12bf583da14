using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CineSync.Recommender.Numerics;

/// <summary>
/// Adds ZᵀZ (lower triangle) to a k×k matrix, where Z is given transposed (k rows of <c>stride</c> floats, padding
/// zeroed). Four rows are dotted against one row per pass so that each loaded vector serves four products; this is
/// the inner cost of an exact ALS fold-in.
/// </summary>
internal static class GramKernel
{
    public static void AddLowerGram(ReadOnlySpan<float> zt, int k, int stride, Span<float> a)
    {
        if (!Vector256.IsHardwareAccelerated || stride % Vector256<float>.Count != 0)
        {
            AddLowerGramScalar(zt, k, stride, a);
            return;
        }

        ref var z = ref MemoryMarshal.GetReference(zt);
        var f = 0;
        for (; f + 4 <= k; f += 4)
        {
            for (var g = 0; g < f + 4; g++)
            {
                var s0 = Vector256<float>.Zero;
                var s1 = Vector256<float>.Zero;
                var s2 = Vector256<float>.Zero;
                var s3 = Vector256<float>.Zero;
                var rowG = g * stride;
                var row0 = f * stride;
                for (var i = 0; i < stride; i += Vector256<float>.Count)
                {
                    var vg = Vector256.LoadUnsafe(ref z, (nuint)(rowG + i));
                    s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref z, (nuint)(row0 + i)), vg, s0);
                    s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref z, (nuint)(row0 + stride + i)), vg, s1);
                    s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref z, (nuint)(row0 + (2 * stride) + i)), vg, s2);
                    s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref z, (nuint)(row0 + (3 * stride) + i)), vg, s3);
                }

                if (g <= f) { a[(f * k) + g] += Vector256.Sum(s0); }
                if (g <= f + 1) { a[((f + 1) * k) + g] += Vector256.Sum(s1); }
                if (g <= f + 2) { a[((f + 2) * k) + g] += Vector256.Sum(s2); }
                a[((f + 3) * k) + g] += Vector256.Sum(s3);
            }
        }

        for (; f < k; f++)
        {
            for (var g = 0; g <= f; g++)
            {
                a[(f * k) + g] += TensorPrimitives.Dot(zt.Slice(f * stride, stride), zt.Slice(g * stride, stride));
            }
        }
    }

    private static void AddLowerGramScalar(ReadOnlySpan<float> zt, int k, int stride, Span<float> a)
    {
        for (var f = 0; f < k; f++)
        {
            for (var g = 0; g <= f; g++)
            {
                a[(f * k) + g] += TensorPrimitives.Dot(zt.Slice(f * stride, stride), zt.Slice(g * stride, stride));
            }
        }
    }
}
