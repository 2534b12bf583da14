namespace CineSync.Grains.Drift;

/// <summary>Counts of a set of ratings per genre, popularity band and star value.</summary>
internal sealed record RatingDistributions(
    long Ratings,
    IReadOnlyDictionary<string, long> Genres,
    IReadOnlyDictionary<string, long> Popularity,
    IReadOnlyDictionary<string, long> Stars);
