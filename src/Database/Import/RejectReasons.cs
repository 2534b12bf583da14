namespace CineSync.Database.Import;

/// <summary>The reasons an import rejects a line; reports group their counts by these texts.</summary>
public static class RejectReasons
{
    /// <summary>The line has more or fewer fields than the format has columns.</summary>
    public const string WrongColumnCount = "wrong column count";

    /// <summary>A number, date or id could not be read.</summary>
    public const string Unparsable = "unparsable value";

    /// <summary>A rating outside 0.5–5.0 stars.</summary>
    public const string RatingOutOfRange = "rating out of range";

    /// <summary>The line names a movie the catalogue does not hold.</summary>
    public const string UnknownMovie = "unknown movie";

    /// <summary>An earlier line of the same file already gave this key.</summary>
    public const string Duplicate = "duplicate of an earlier line";

    /// <summary>A required field is empty.</summary>
    public const string MissingValue = "missing value";

    /// <summary>HetRec's IMDb id for the movie is not the one links.csv gives, so its director is unreliable.</summary>
    public const string ImdbIdMismatch = "imdb id disagrees with links.csv";
}
