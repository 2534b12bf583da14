using CineSync.Recommender.Engine;

namespace CineSync.Recommender.Ranking;

/// <summary>
/// "Similar to X": the ensemble's similarity (scaled so the best is 1) plus the Jaccard overlap of genres, so "similar
/// to Toy Story" stays with animated family films rather than whatever its fans also watched.
/// </summary>
public static class SimilarBlend
{
    /// <summary>Blends and re-orders the ensemble's similar items; items <paramref name="genresOf"/> does not know are dropped.</summary>
    /// <param name="similar">The ensemble's similar items (over-fetched).</param>
    /// <param name="targetGenres">Genres of the title asked about.</param>
    /// <param name="genresOf">Genres of a candidate by id; null when the catalogue does not know it.</param>
    /// <param name="count">How many to return.</param>
    /// <param name="excluded">Items the user asked never to see, if any.</param>
    public static IReadOnlyList<ScoredItem> Blend(
        IReadOnlyList<ScoredItem> similar,
        IReadOnlyList<string> targetGenres,
        Func<int, IReadOnlyList<string>?> genresOf,
        int count,
        Func<int, bool>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(similar);
        ArgumentNullException.ThrowIfNull(targetGenres);
        ArgumentNullException.ThrowIfNull(genresOf);
        var best = similar.Count == 0 ? 1f : Math.Max(1e-6f, similar.Max(s => s.Score));
        return [.. similar
            .Where(s => excluded?.Invoke(s.ItemId) != true)
            .Select(s => (s.ItemId, s.Score, Genres: genresOf(s.ItemId)))
            .Where(s => s.Genres is not null)
            .Select(s => new ScoredItem(s.ItemId, (s.Score / best) + GenreOverlap(targetGenres, s.Genres!)))
            .OrderByDescending(s => s.Score)
            .Take(Math.Max(0, count))];
    }

    /// <summary>Jaccard overlap of two genre lists, in [0, 1].</summary>
    public static float GenreOverlap(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var common = a.Count(b.Contains);
        var union = a.Count + b.Count - common;
        return union == 0 ? 0f : (float)common / union;
    }
}
