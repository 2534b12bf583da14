using CineSync.Grains.Catalogue;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>
/// A user's running rating statistics, updated by each rating change in O(genres of the title): per genre and decade
/// counts and sums, the rating histogram, and genre weights for entropy. Directors and actors are tallied when stats are
/// asked for (from the ratings and the catalogue), which keeps a warm grain small.
/// </summary>
internal sealed class TasteStatistics
{
    /// <summary>Pseudo-ratings at the user's own mean added to every average, so one 5★ does not make a favourite.</summary>
    public const float Shrinkage = 2f;

    /// <summary>A favourite's average must beat the user's own mean by this many stars: a favourite is something they like.</summary>
    public const float FavouriteMargin = 0.25f;

    /// <summary>Ratings a genre, decade or person needs before it can be a favourite.</summary>
    public const int MinSupport = 2;

    private readonly Dictionary<string, Tally> _genres = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Tally> _decades = [];
    private readonly int[] _histogram = new int[10];

    public int Count { get; private set; }

    public double Sum { get; private set; }

    public float Mean => Count == 0 ? 0f : (float)(Sum / Count);

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (−1) one rating of <paramref name="title"/>.</summary>
    public void Apply(TitleInfo title, float stars, int sign)
    {
        Count += sign;
        Sum += sign * stars;
        _histogram[Math.Clamp((int)MathF.Round(stars * 2f) - 1, 0, 9)] += sign;
        var genres = title.Genres.Where(g => g != "(no genres listed)").ToArray();
        foreach (var genre in genres)
        {
            Update(_genres, genre, stars, sign, 1f / genres.Length);
        }

        if (title.Year is int year)
        {
            Update(_decades, year / 10 * 10, stars, sign, 1f);
        }
    }

    public IReadOnlyList<int> Histogram => [.. _histogram];

    /// <summary>
    /// How much the user likes a title's genres, in [−1, 1]: the sum over its genres of the genre's shrunk average minus
    /// the user's mean, in units of 2★ (genres the user never rated count as neutral). A sum, not a mean, so a title is
    /// not diluted by genres the user has no opinion on.
    /// </summary>
    public float Affinity(IReadOnlyList<string> genres)
    {
        if (Count == 0 || genres.Count == 0)
        {
            return 0f;
        }

        var mean = Mean;
        var sum = 0f;
        foreach (var genre in genres)
        {
            if (_genres.TryGetValue(genre, out var tally))
            {
                sum += ((float)((tally.Sum + (Shrinkage * mean)) / (tally.Count + Shrinkage)) - mean) / 2f;
            }
        }

        return Math.Clamp(sum, -1f, 1f);
    }

    /// <summary>Favourite genres: rated above the user's own mean on at least <see cref="MinSupport"/> titles, best first.</summary>
    public IReadOnlyList<PreferenceStat> Genres(int take) => Favourites(_genres.Select(g => (g.Key, g.Value)), take);

    /// <summary>Favourite decades, as for genres.</summary>
    public IReadOnlyList<PreferenceStat> Decades(int take) => Favourites(_decades.Select(d => ($"{d.Key}s", d.Value)), take);

    /// <summary>Favourite directors and actors from the rated titles' people, as for genres: a disliked actor is never one.</summary>
    public (IReadOnlyList<PreferenceStat> Directors, IReadOnlyList<PreferenceStat> Actors) People(IEnumerable<(CatalogueEntry Entry, float Stars)> rated, int take)
    {
        var directors = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var actors = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var (entry, stars) in rated)
        {
            foreach (var name in entry.Directors) { Update(directors, name, stars, 1, 1f); }
            foreach (var name in entry.Actors) { Update(actors, name, stars, 1, 1f); }
        }

        return (Favourites(directors.Select(d => (d.Key, d.Value)), take), Favourites(actors.Select(a => (a.Key, a.Value)), take));
    }

    /// <summary>Normalised entropy of the genre mix: 0 = a single genre, 1 = every catalogue genre equally.</summary>
    public float Diversity(int catalogueGenres)
    {
        var total = _genres.Values.Sum(t => t.Weight);
        if (total <= 0f || catalogueGenres < 2)
        {
            return 0f;
        }

        var entropy = 0.0;
        foreach (var tally in _genres.Values)
        {
            if (tally.Weight > 1e-6f)
            {
                var p = tally.Weight / total;
                entropy -= p * Math.Log(p);
            }
        }

        return (float)Math.Clamp(entropy / Math.Log(catalogueGenres), 0, 1);
    }

    private IReadOnlyList<PreferenceStat> Favourites<TKey>(IEnumerable<(TKey Name, Tally Tally)> tallies, int take) where TKey : notnull =>
        [.. tallies
            .Where(t => t.Tally.Count >= MinSupport && (t.Tally.Sum / t.Tally.Count) >= Mean + FavouriteMargin)
            .Select(t => new PreferenceStat(
                t.Name.ToString()!,
                t.Tally.Count,
                (float)(t.Tally.Sum / t.Tally.Count),
                (float)((t.Tally.Sum + (Shrinkage * Mean)) / (t.Tally.Count + Shrinkage))))
            .OrderByDescending(s => s.ShrunkAverage)
            .ThenByDescending(s => s.Count)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(take)];

    private static void Update<TKey>(Dictionary<TKey, Tally> tallies, TKey key, float stars, int sign, float weight) where TKey : notnull
    {
        var tally = tallies.GetValueOrDefault(key);
        tally = new Tally(tally.Count + sign, tally.Sum + (sign * stars), tally.Weight + (sign * weight));
        if (tally.Count <= 0)
        {
            tallies.Remove(key);
        }
        else
        {
            tallies[key] = tally;
        }
    }

    private readonly record struct Tally(int Count, double Sum, float Weight);
}
