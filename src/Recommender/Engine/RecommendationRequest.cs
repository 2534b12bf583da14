using CineSync.Recommender.Data;

namespace CineSync.Recommender.Engine;

/// <summary>What to recommend to one user.</summary>
/// <param name="Ratings">The user's ratings (external item ids); items unknown to the model are ignored.</param>
public sealed record RecommendationRequest(IReadOnlyList<UserRating> Ratings)
{
    /// <summary>How many items to return (default 10).</summary>
    public int Count { get; init; } = 10;

    /// <summary>Taste vector from <see cref="RecommenderEngine.FoldIn"/> for these ratings; computed when null.</summary>
    public float[]? Taste { get; init; }

    /// <summary>Per-user ensemble weights by model name; models not named keep their global weight.</summary>
    public IReadOnlyDictionary<string, float>? ModelWeights { get; init; }

    /// <summary>Optional filters (genre, years, minimum popularity).</summary>
    public RecommendationFilter? Filter { get; init; }

    /// <summary>Items never to return besides the rated ones (e.g. "not interested", "already watched").</summary>
    public IReadOnlyCollection<int>? Exclude { get; init; }

    /// <summary>MMR diversity in [0, 1]: 0 ranks by relevance only, higher trades relevance for variety.</summary>
    public float Diversity { get; init; }

    /// <summary>Rated items cited per recommendation (default 3; 0 skips explanations).</summary>
    public int ExplanationsPerItem { get; init; } = 3;
}

/// <summary>Restricts which items may be recommended. All conditions must hold.</summary>
/// <param name="Genres">When non-empty, the item must have at least one of these genres (case-insensitive).</param>
/// <param name="YearFrom">Earliest release year, inclusive (e.g. 1990 for "the 90s").</param>
/// <param name="YearTo">Latest release year, inclusive (e.g. 1999).</param>
/// <param name="MinRatings">Minimum number of ratings in the training data (popularity floor).</param>
public sealed record RecommendationFilter(IReadOnlyList<string>? Genres = null, int? YearFrom = null, int? YearTo = null, int MinRatings = 0)
{
    /// <summary>A filter for one decade, e.g. <c>Decade(1990)</c> is 1990–1999.</summary>
    public static RecommendationFilter Decade(int decadeStart) => new(YearFrom: decadeStart, YearTo: decadeStart + 9);
}

/// <summary>One recommended item.</summary>
/// <param name="ItemId">External item id.</param>
/// <param name="Score">Blended ensemble score (sum of <paramref name="ModelContributions"/>).</param>
/// <param name="ModelContributions">Each model's weighted, normalised share of the score, by model name.</param>
/// <param name="Because">The user's rated items that contributed most, strongest first.</param>
public sealed record Recommendation(int ItemId, float Score, IReadOnlyDictionary<string, float> ModelContributions, IReadOnlyList<Because> Because);

/// <summary>A rated item cited as a reason for a recommendation.</summary>
/// <param name="ItemId">External id of the user's rated item.</param>
/// <param name="Rating">The user's rating of it.</param>
/// <param name="Share">Its share of the positive contributions, in (0, 1].</param>
public readonly record struct Because(int ItemId, float Rating, float Share);

/// <summary>Recommendations for one user.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Personalised">False when no rating was usable (popularity only).</param>
/// <param name="ModelVersion">Bundle version that produced them.</param>
public sealed record RecommendationResult(IReadOnlyList<Recommendation> Items, bool Personalised, string ModelVersion);

/// <summary>An item with a score (similar items).</summary>
/// <param name="ItemId">External item id.</param>
/// <param name="Score">Similarity score; higher is more similar.</param>
public readonly record struct ScoredItem(int ItemId, float Score);
