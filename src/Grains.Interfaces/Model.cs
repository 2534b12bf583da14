namespace CineSync.Grains.Interfaces;

/// <summary>Restricts which titles a ranking may return. All conditions hold together.</summary>
/// <param name="Genres">When non-empty, titles having at least one of these genres.</param>
/// <param name="YearFrom">Earliest release year, inclusive.</param>
/// <param name="YearTo">Latest release year, inclusive.</param>
/// <param name="MinRatings">Minimum number of corpus ratings.</param>
public sealed record TitleFilter(IReadOnlyList<string>? Genres = null, int? YearFrom = null, int? YearTo = null, int MinRatings = 0);

/// <summary>A user's taste as a ModelGrain scores it (also the watch party's member snapshot).</summary>
/// <param name="UserId">Discord user id.</param>
/// <param name="Ratings">The user's ratings (empty for a cold-start user).</param>
/// <param name="Taste">Fold-in taste vector for <paramref name="ModelVersion"/>, when computed.</param>
/// <param name="ModelVersion">Model version the taste vector belongs to.</param>
/// <param name="WeightMultipliers">Per-model multipliers of the global ensemble weights (sampled from feedback); null keeps global weights.</param>
/// <param name="Excluded">Titles never to show (👎, not interested, watched).</param>
public sealed record TasteSnapshot(long UserId, IReadOnlyList<RatedMovie> Ratings, float[]? Taste, string? ModelVersion, IReadOnlyDictionary<string, float>? WeightMultipliers, IReadOnlyList<int> Excluded);

/// <summary>A personal ranking request to a ModelGrain.</summary>
/// <param name="Taste">Whose taste.</param>
/// <param name="Count">How many titles.</param>
/// <param name="Filter">Optional filter.</param>
/// <param name="Diversity">MMR diversity in [0, 1].</param>
public sealed record PersonalRankingRequest(TasteSnapshot Taste, int Count, TitleFilter? Filter, float Diversity);

/// <summary>A rated title that contributed to a score (ids only; the taste grain adds titles).</summary>
/// <param name="MovieId">The rated title.</param>
/// <param name="Stars">Its rating.</param>
/// <param name="Share">Share of the positive contributions.</param>
public readonly record struct ReasonRef(int MovieId, float Stars, float Share);

/// <summary>A scored title from a ModelGrain.</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Score">Ensemble score.</param>
/// <param name="Contributions">Per-model share of the score.</param>
/// <param name="Because">Rated titles behind it, strongest first.</param>
public sealed record ScoredTitle(int MovieId, float Score, IReadOnlyDictionary<string, float> Contributions, IReadOnlyList<ReasonRef> Because);

/// <summary>A personal ranking.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Personalised">False when no rating was usable (popularity).</param>
/// <param name="ModelVersion">The bundle version.</param>
public sealed record PersonalRanking(IReadOnlyList<ScoredTitle> Items, bool Personalised, string ModelVersion);

/// <summary>A taste vector computed by fold-in.</summary>
/// <param name="ModelVersion">The bundle whose item factors it lives in.</param>
/// <param name="Values">The vector.</param>
public sealed record TasteVector(string ModelVersion, float[] Values);

/// <summary>How a group ranking combines members' preferences.</summary>
public enum PartyStrategy
{
    /// <summary>Highest average satisfaction.</summary>
    Average,

    /// <summary>Highest minimum satisfaction: nobody is left unhappy.</summary>
    LeastMisery,

    /// <summary>Borda count over members' own top lists.</summary>
    Borda,

    /// <summary>Fair round robin: the least satisfied member picks next among titles acceptable to all.</summary>
    Fairness,
}

/// <summary>A group ranking request.</summary>
/// <param name="Members">Two or more member snapshots.</param>
/// <param name="Strategy">Aggregation strategy.</param>
/// <param name="Count">How many titles.</param>
/// <param name="Filter">Optional filter.</param>
public sealed record GroupRankingRequest(IReadOnlyList<TasteSnapshot> Members, PartyStrategy Strategy, int Count, TitleFilter? Filter);

/// <summary>How well a group pick suits one member.</summary>
/// <param name="UserId">The member.</param>
/// <param name="Percentile">Where the title falls in the member's own ranking (1 = favourite, 0.5 = median).</param>
/// <param name="PredictedStars">The member's own rating at that percentile of their ratings (3.5 without ratings).</param>
public readonly record struct MemberFit(long UserId, float Percentile, float PredictedStars);

/// <summary>A group pick.</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Score">The strategy's aggregate score.</param>
/// <param name="Members">Per-member fit.</param>
public sealed record GroupScoredTitle(int MovieId, float Score, IReadOnlyList<MemberFit> Members);

/// <summary>A group ranking.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Strategy">Strategy used.</param>
/// <param name="ModelVersion">The bundle version.</param>
public sealed record GroupRanking(IReadOnlyList<GroupScoredTitle> Items, PartyStrategy Strategy, string ModelVersion);

/// <summary>A similar title from a ModelGrain.</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Score">Similarity.</param>
public readonly record struct SimilarScore(int MovieId, float Score);

/// <summary>The trained model version the registry holds as current.</summary>
/// <param name="Version">The <c>trained_models.version</c>; 0 when none is trained yet.</param>
/// <param name="Label">The bundle's version label.</param>
/// <param name="CreatedAt">When it was trained.</param>
public sealed record ModelVersionStamp(int Version, string Label, DateTimeOffset CreatedAt)
{
    /// <summary>No model trained yet.</summary>
    public static ModelVersionStamp None { get; } = new(0, "none", DateTimeOffset.MinValue);
}

/// <summary>What a ModelGrain worker currently scores with.</summary>
/// <param name="Stamp">The registry version loaded.</param>
/// <param name="ModelNames">Models in the ensemble.</param>
/// <param name="GlobalWeights">Their global weights.</param>
/// <param name="ItemCount">Titles the bundle can score.</param>
/// <param name="Metrics">Metrics measured at training.</param>
public sealed record ModelInfo(ModelVersionStamp Stamp, IReadOnlyList<string> ModelNames, IReadOnlyDictionary<string, float> GlobalWeights, int ItemCount, IReadOnlyDictionary<string, double> Metrics);
