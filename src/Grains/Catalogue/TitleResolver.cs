using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Catalogue;

/// <summary>
/// Turns typed text into the title a user most likely meant: a title named exactly (its title, alternative title or
/// MovieLens' "Shining, The" form) wins, the year decides between namesakes, then popularity; with no exact name the
/// closest title is taken when it is close enough. Whatever else the text could mean comes back as alternatives.
/// </summary>
internal static class TitleResolver
{
    /// <summary>Below this search score a title is a suggestion, not a pick.</summary>
    private const float CloseEnough = 0.75f;
    private const int MaxAlternatives = 4;
    private const int MaxSuggestions = 3;

    public static TitleResolution Resolve(CatalogueSnapshot catalogue, string query)
    {
        var text = TitleText.Display((query ?? string.Empty).Trim());
        var (key, year) = TitleText.ParseQuery(text);
        if (key.Length == 0)
        {
            throw new UnknownMovieException("Tell me which movie: type its title, e.g. The Matrix (1999).");
        }

        if (year is int wanted)
        {
            var named = catalogue.Named(key);
            var sameYear = named.Where(e => e.Info.Year == wanted).ToList();
            if (sameYear.Count > 0)
            {
                return Pick(sameYear, [.. named.Except(sameYear)], text);
            }

            // "Blade Runner 2049": the number is part of the title, not a year.
            var whole = catalogue.Named(TitleText.Key(text));
            if (whole.Count > 0)
            {
                return Pick(whole, [], text);
            }

            if (named.Count > 0)
            {
                var nearest = named.OrderBy(e => Math.Abs((e.Info.Year ?? 0) - wanted)).ThenBy(e => e, Popularity).ToList();
                return new TitleResolution(nearest[0].Info, TitleMatchKind.MostLikely, [.. nearest.Skip(1).Take(MaxAlternatives).Select(e => e.Info)]);
            }
        }
        else if (catalogue.Named(key) is { Count: > 0 } named)
        {
            return Pick(named, [], text);
        }

        var matches = catalogue.Search(text, MaxAlternatives + 1);
        if (matches.Count == 0 || matches[0].Score < CloseEnough)
        {
            throw new UnknownMovieException(matches.Count > 0
                ? $"I don't know a movie called '{TitleText.Quote(query)}' — did you mean {string.Join(" or ", matches.Take(MaxSuggestions).Select(m => m.Title.Display))}?"
                : $"I don't know a movie called '{TitleText.Quote(query)}'.");
        }

        return new TitleResolution(matches[0].Title, TitleMatchKind.Closest, [.. matches.Skip(1).Where(m => m.Score >= CloseEnough).Select(m => m.Title)]);
    }

    private static bool SpelledAs(CatalogueEntry entry, string typed)
    {
        var title = entry.Info.Title;
        var paren = title.IndexOf(" (", StringComparison.Ordinal);
        return string.Equals(title, typed, StringComparison.OrdinalIgnoreCase)
            || (paren > 0 && string.Equals(title[..paren], typed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Most rated first; ids break ties so the pick never changes between calls.</summary>
    private static readonly Comparer<CatalogueEntry> Popularity = Comparer<CatalogueEntry>.Create((a, b) =>
        b.Info.RatingCount != a.Info.RatingCount ? b.Info.RatingCount.CompareTo(a.Info.RatingCount) : a.Info.MovieId.CompareTo(b.Info.MovieId));

    /// <summary>
    /// The most likely of <paramref name="candidates"/>, the rest as alternatives: one spelled exactly as typed ("The House"
    /// over "House", "Help!" over "The Help"), then the most rated.
    /// </summary>
    private static TitleResolution Pick(IReadOnlyList<CatalogueEntry> candidates, IReadOnlyList<CatalogueEntry> others, string typed)
    {
        var spelled = TitleText.ParseQuery(typed).Year is null ? typed : TitleText.WithoutYear(typed);
        var ordered = candidates.OrderByDescending(e => SpelledAs(e, spelled)).ThenBy(e => e, Popularity).ToList();
        var alternatives = ordered.Skip(1).Concat(others.Order(Popularity)).Take(MaxAlternatives).Select(e => e.Info);
        return new TitleResolution(ordered[0].Info, ordered.Count == 1 ? TitleMatchKind.Exact : TitleMatchKind.MostLikely, [.. alternatives]);
    }
}
