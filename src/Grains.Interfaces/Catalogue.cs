using System.Globalization;

namespace CineSync.Grains.Interfaces;

/// <summary>A catalogue title as the bot shows it.</summary>
/// <param name="MovieId">The MovieLens movie id (the id every other call takes).</param>
/// <param name="Title">Display title with a leading article ("The Matrix", not MovieLens' "Matrix, The").</param>
/// <param name="Year">Release year, when known.</param>
/// <param name="Genres">Genre names (MovieLens spelling, e.g. "Sci-Fi").</param>
/// <param name="RatingCount">Ratings in the training corpus (popularity).</param>
/// <param name="MeanRating">Mean corpus rating, when rated.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TitleInfo")]
public sealed record TitleInfo(
    [property: Id(0)] int MovieId,
    [property: Id(1)] string Title,
    [property: Id(2)] int? Year,
    [property: Id(3)] IReadOnlyList<string> Genres,
    [property: Id(4)] int RatingCount,
    [property: Id(5)] float? MeanRating)
{
    /// <summary>"The Matrix (1999)".</summary>
    public string Display => Year is int y ? string.Create(CultureInfo.InvariantCulture, $"{Title} ({y})") : Title;
}

/// <summary>A title search hit (autocomplete).</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">Match quality in [0, 1]; 1 is an exact match.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TitleMatch")]
public sealed record TitleMatch([property: Id(0)] TitleInfo Title, [property: Id(1)] float Score);

/// <summary>A title liked by many Discord users lately, or popular in the corpus when they rated too little.</summary>
/// <param name="Title">The title.</param>
/// <param name="RecentRatings">Discord users' ratings within the window (0 for corpus fill-ins).</param>
/// <param name="RecentMean">Their mean rating, when any.</param>
/// <param name="FromCorpus">True when listed by corpus popularity because recent activity was too thin.</param>
/// <param name="RecentLikes">Of <paramref name="RecentRatings"/>, those at or above <see cref="LikedAtOrAbove"/>: what the list is ranked by.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TrendingTitle")]
public sealed record TrendingTitle([property: Id(0)] TitleInfo Title, [property: Id(1)] int RecentRatings, [property: Id(2)] float? RecentMean, [property: Id(3)] bool FromCorpus, [property: Id(4)] int RecentLikes = 0)
{
    /// <summary>A rating at or above this is a like.</summary>
    public const float LikedAtOrAbove = 3.5f;
}

/// <summary>A well-rated, rarely-rated title.</summary>
/// <param name="Title">The title.</param>
/// <param name="ShrunkMean">Mean rating shrunk toward the corpus mean by the number of ratings.</param>
/// <param name="RatingCount">Number of corpus ratings.</param>
[GenerateSerializer, Immutable, Alias("cinesync.HiddenGem")]
public sealed record HiddenGem([property: Id(0)] TitleInfo Title, [property: Id(1)] float ShrunkMean, [property: Id(2)] int RatingCount);

/// <summary>How sure the catalogue is that it found the title a user meant.</summary>
[GenerateSerializer, Alias("cinesync.TitleMatchKind")]
public enum TitleMatchKind
{
    /// <summary>The text names this one title (its title, with or without the year, or an alternative title).</summary>
    Exact,

    /// <summary>The text names several titles; this is the most likely (the year given, else the most rated).</summary>
    MostLikely,

    /// <summary>No title matches the text exactly; this is the closest (a typo, a partial title).</summary>
    Closest,
}

/// <summary>The title a user's text resolved to, and the others it could have meant (best first).</summary>
/// <param name="Title">The title picked.</param>
/// <param name="Kind">Whether the text named it exactly, was shared by several titles, or was only close.</param>
/// <param name="Alternatives">Other titles the text could have meant, best first (empty for an unambiguous exact match).</param>
[GenerateSerializer, Immutable, Alias("cinesync.TitleResolution")]
public sealed record TitleResolution(
    [property: Id(0)] TitleInfo Title,
    [property: Id(1)] TitleMatchKind Kind,
    [property: Id(2)] IReadOnlyList<TitleInfo> Alternatives);

/// <summary>
/// The answer to typed title text: a resolution, or the refusal to show the member ("I don't know a movie called …").
/// A refusal is an answer, not an exception, so bad input never counts as a failed grain call.
/// </summary>
/// <param name="Resolution">The title found, when one was.</param>
/// <param name="Refusal">Why none was, with suggestions, when none was.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TitleLookupOutcome")]
public sealed record TitleLookupOutcome([property: Id(0)] TitleResolution? Resolution, [property: Id(1)] string? Refusal);
