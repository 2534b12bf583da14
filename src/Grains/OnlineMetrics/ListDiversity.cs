namespace CineSync.Grains.OnlineMetrics;

/// <summary>
/// Intra-list diversity by genre: the mean, over every pair of titles in a list, of 1 − the Jaccard similarity of
/// their genre sets. 0 when every title has the same genres, 1 when no two share one.
/// </summary>
internal static class ListDiversity
{
    /// <summary>The list's diversity; null when fewer than two of its titles have known genres.</summary>
    public static double? Of(IReadOnlyList<int> movieIds, Func<int, IReadOnlyList<string>?> genresOf)
    {
        ArgumentNullException.ThrowIfNull(movieIds);
        ArgumentNullException.ThrowIfNull(genresOf);
        var genres = new List<IReadOnlyList<string>>(movieIds.Count);
        foreach (var id in movieIds)
        {
            if (genresOf(id) is { } known)
            {
                genres.Add(known);
            }
        }

        if (genres.Count < 2)
        {
            return null;
        }

        var sum = 0.0;
        var pairs = 0;
        for (var a = 0; a < genres.Count; a++)
        {
            for (var b = a + 1; b < genres.Count; b++)
            {
                sum += 1 - Jaccard(genres[a], genres[b]);
                pairs++;
            }
        }

        return sum / pairs;
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count(g => b.Contains(g, StringComparer.Ordinal));
        return (double)shared / (a.Count + b.Count - shared);
    }
}
