namespace CineSync.Grains.Interfaces;

/// <summary>How a user rates: the shape of their rating distribution and its mean compared with the corpus.</summary>
[GenerateSerializer, Alias("cinesync.RatingStyle")]
public enum RatingStyle
{
    /// <summary>Close to the corpus mean.</summary>
    Balanced,

    /// <summary>Clearly above the corpus mean.</summary>
    Generous,

    /// <summary>Clearly below the corpus mean.</summary>
    Harsh,

    /// <summary>Mostly the extremes: many lowest and many highest ratings, few in between.</summary>
    Polarised,
}

/// <summary>A preference (genre, director, actor or decade) with its average rating.</summary>
/// <param name="Name">"Thriller", "Christopher Nolan", "1990s".</param>
/// <param name="Count">Ratings of titles with it.</param>
/// <param name="Average">Mean rating of those titles.</param>
/// <param name="ShrunkAverage">Mean shrunk toward the user's overall mean, so one 5★ does not dominate; lists are ordered by it.</param>
[GenerateSerializer, Immutable, Alias("cinesync.PreferenceStat")]
public sealed record PreferenceStat([property: Id(0)] string Name, [property: Id(1)] int Count, [property: Id(2)] float Average, [property: Id(3)] float ShrunkAverage);

/// <summary>A user's taste profile (<c>/my_stats</c>).</summary>
/// <param name="RatingCount">Ratings.</param>
/// <param name="MeanStars">Mean rating.</param>
/// <param name="Genres">Favourite genres (rated above the user's own mean, with enough ratings), best first.</param>
/// <param name="Directors">Favourite directors, best first (empty when the catalogue has no people).</param>
/// <param name="Actors">Favourite actors, best first.</param>
/// <param name="Decades">Favourite decades, best first.</param>
/// <param name="Distribution">Counts of 0.5★, 1★, …, 5★ ratings (10 buckets).</param>
/// <param name="Style">Polarised (mostly extremes), else generous, harsh or balanced relative to <paramref name="CorpusMean"/>.</param>
/// <param name="CorpusMean">Mean rating in the corpus.</param>
/// <param name="Diversity">Normalised genre entropy in [0, 1]: 0 = one genre only, 1 = evenly spread.</param>
/// <param name="Persona">One line, e.g. "Thriller enthusiast with eclectic taste".</param>
/// <param name="Feedback">Feedback given, by kind.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TasteStats")]
public sealed record TasteStats(
    [property: Id(0)] int RatingCount,
    [property: Id(1)] float MeanStars,
    [property: Id(2)] IReadOnlyList<PreferenceStat> Genres,
    [property: Id(3)] IReadOnlyList<PreferenceStat> Directors,
    [property: Id(4)] IReadOnlyList<PreferenceStat> Actors,
    [property: Id(5)] IReadOnlyList<PreferenceStat> Decades,
    [property: Id(6)] IReadOnlyList<int> Distribution,
    [property: Id(7)] RatingStyle Style,
    [property: Id(8)] float CorpusMean,
    [property: Id(9)] float Diversity,
    [property: Id(10)] string Persona,
    [property: Id(11)] IReadOnlyDictionary<FeedbackKind, int> Feedback);
