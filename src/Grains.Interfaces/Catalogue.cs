using System.Globalization;
using System.Text.Json.Serialization;

namespace CineSync.Grains.Interfaces;

/// <summary>A catalogue title as the bot shows it.</summary>
/// <param name="MovieId">The MovieLens movie id (the id every other call takes).</param>
/// <param name="Title">Display title with a leading article ("The Matrix", not MovieLens' "Matrix, The").</param>
/// <param name="Year">Release year, when known.</param>
/// <param name="Genres">Genre names (MovieLens spelling, e.g. "Sci-Fi").</param>
/// <param name="RatingCount">Ratings in the training corpus (popularity).</param>
/// <param name="MeanRating">Mean corpus rating, when rated.</param>
public sealed record TitleInfo(int MovieId, string Title, int? Year, IReadOnlyList<string> Genres, int RatingCount, float? MeanRating)
{
    /// <summary>"The Matrix (1999)".</summary>
    [JsonIgnore]
    public string Display => Year is int y ? string.Create(CultureInfo.InvariantCulture, $"{Title} ({y})") : Title;
}

/// <summary>A title search hit (autocomplete).</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">Match quality in [0, 1]; 1 is an exact match.</param>
public sealed record TitleMatch(TitleInfo Title, float Score);

/// <summary>A title rated often by Discord users lately, or popular in the corpus when they rated too little.</summary>
/// <param name="Title">The title.</param>
/// <param name="RecentRatings">Discord users' ratings within the window (0 for corpus fill-ins).</param>
/// <param name="RecentMean">Their mean rating, when any.</param>
/// <param name="FromCorpus">True when listed by corpus popularity because recent activity was too thin.</param>
public sealed record TrendingTitle(TitleInfo Title, int RecentRatings, float? RecentMean, bool FromCorpus);

/// <summary>A well-rated, rarely-rated title.</summary>
/// <param name="Title">The title.</param>
/// <param name="ShrunkMean">Mean rating shrunk toward the corpus mean by the number of ratings.</param>
/// <param name="RatingCount">Number of corpus ratings.</param>
public sealed record HiddenGem(TitleInfo Title, float ShrunkMean, int RatingCount);
