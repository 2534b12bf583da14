namespace CineSync.Recommender.Data;

/// <summary>What the content model and the filters know about a catalogue item.</summary>
/// <param name="ItemId">External item id.</param>
/// <param name="Title">Display title.</param>
/// <param name="Year">Release year, when known.</param>
/// <param name="Genres">Genre names (case-insensitive).</param>
/// <param name="Tags">Free-text tags (MovieLens tags or keywords).</param>
/// <param name="Directors">Director names, supplied by the caller's people data.</param>
/// <param name="Cast">Leading cast names, supplied by the caller's people data.</param>
public sealed record ItemMetadata(
    int ItemId,
    string Title,
    int? Year,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Directors,
    IReadOnlyList<string> Cast)
{
    /// <summary>Metadata with a title and genres only.</summary>
    public static ItemMetadata Basic(int itemId, string title, int? year, IReadOnlyList<string> genres)
        => new(itemId, title, year, genres, [], [], []);

    /// <summary>Reads "Title (1995)" style years; null when absent.</summary>
    public static int? YearFromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var t = title.TrimEnd();
        var close = t.LastIndexOf(')');
        if (close < 5 || t[close - 5] != '(')
        {
            return null;
        }

        return int.TryParse(t.AsSpan(close - 4, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
    }
}

/// <summary>Ratings plus the item catalogue they refer to, as loaded from a data set.</summary>
/// <param name="Ratings">All ratings.</param>
/// <param name="Items">Catalogue items (may be empty when the source has no metadata).</param>
public sealed record RatingsDataset(IReadOnlyList<RatingRecord> Ratings, IReadOnlyList<ItemMetadata> Items);
