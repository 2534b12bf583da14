namespace CineSync.Recommender.Numerics;

/// <summary>
/// Selects the k largest scores with a bounded min-heap over caller-owned spans: O(n log k), no allocation.
/// Ties are broken by the lower index so results are deterministic.
/// </summary>
internal static class TopK
{
    /// <summary>
    /// Writes the indices of the largest <paramref name="scores"/> into <paramref name="indices"/> (best first)
    /// and returns how many were written. Entries that are NaN or negative infinity are skipped.
    /// </summary>
    public static int Select(ReadOnlySpan<float> scores, Span<int> indices)
    {
        var k = indices.Length;
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (float.IsNaN(s) || float.IsNegativeInfinity(s))
            {
                continue;
            }

            if (count < k)
            {
                indices[count] = i;
                SiftUp(scores, indices, count++);
            }
            else if (count > 0 && Better(scores, i, indices[0]))
            {
                indices[0] = i;
                SiftDown(scores, indices, 0, count);
            }
        }

        // Heap sort in place: repeatedly move the worst to the end, leaving best first.
        for (var end = count - 1; end > 0; end--)
        {
            (indices[0], indices[end]) = (indices[end], indices[0]);
            SiftDown(scores, indices, 0, end);
        }

        return count;
    }

    private static bool Better(ReadOnlySpan<float> scores, int a, int b)
        => scores[a] > scores[b] || (scores[a] == scores[b] && a < b);

    private static void SiftUp(ReadOnlySpan<float> scores, Span<int> heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(scores, heap[parent], heap[i]))
            {
                break;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private static void SiftDown(ReadOnlySpan<float> scores, Span<int> heap, int i, int count)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= count)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < count && Better(scores, heap[left], heap[right]))
            {
                worst = right;
            }

            if (!Better(scores, heap[i], heap[worst]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
