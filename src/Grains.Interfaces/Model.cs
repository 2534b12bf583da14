namespace CineSync.Grains.Interfaces;

/// <summary>Restricts which titles a ranking may return. All conditions hold together.</summary>
/// <param name="Genres">When non-empty, titles having at least one of these genres.</param>
/// <param name="YearFrom">Earliest release year, inclusive.</param>
/// <param name="YearTo">Latest release year, inclusive.</param>
/// <param name="MinRatings">Minimum number of corpus ratings.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TitleFilter")]
public sealed record TitleFilter([property: Id(0)] IReadOnlyList<string>? Genres = null, [property: Id(1)] int? YearFrom = null, [property: Id(2)] int? YearTo = null, [property: Id(3)] int MinRatings = 0);

/// <summary>A user's taste as a ModelGrain scores it (also the watch party's member snapshot).</summary>
/// <param name="UserId">Discord user id.</param>
/// <param name="Ratings">The user's ratings (empty for a cold-start user).</param>
/// <param name="Taste">Fold-in taste vector for <paramref name="ModelVersion"/>, when computed.</param>
/// <param name="ModelVersion">Model version the taste vector belongs to.</param>
/// <param name="WeightMultipliers">Per-model multipliers of the global ensemble weights (sampled from feedback); null keeps global weights.</param>
/// <param name="Excluded">Titles never to show (👎, not interested, watched).</param>
[GenerateSerializer, Immutable, Alias("cinesync.TasteSnapshot")]
public sealed record TasteSnapshot([property: Id(0)] long UserId, [property: Id(1)] IReadOnlyList<RatedMovie> Ratings, [property: Id(2)] float[]? Taste, [property: Id(3)] string? ModelVersion, [property: Id(4)] IReadOnlyDictionary<string, float>? WeightMultipliers, [property: Id(5)] IReadOnlyList<int> Excluded);

/// <summary>A personal ranking request to a ModelGrain.</summary>
/// <param name="Taste">Whose taste.</param>
/// <param name="Count">How many titles.</param>
/// <param name="Filter">Optional filter.</param>
/// <param name="Diversity">MMR diversity in [0, 1].</param>
/// <param name="ModelVersion">The <c>trained_models.version</c> to rank with (an experiment arm's); 0 for the current model.</param>
[GenerateSerializer, Immutable, Alias("cinesync.PersonalRankingRequest")]
public sealed record PersonalRankingRequest([property: Id(0)] TasteSnapshot Taste, [property: Id(1)] int Count, [property: Id(2)] TitleFilter? Filter, [property: Id(3)] float Diversity, [property: Id(4)] int ModelVersion = 0);

/// <summary>A rated title that contributed to a score (ids only; the taste grain adds titles).</summary>
/// <param name="MovieId">The rated title.</param>
/// <param name="Stars">Its rating.</param>
/// <param name="Share">Share of the positive contributions.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ReasonRef")]
public readonly record struct ReasonRef([property: Id(0)] int MovieId, [property: Id(1)] float Stars, [property: Id(2)] float Share);

/// <summary>A scored title from a ModelGrain.</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Score">Ensemble score.</param>
/// <param name="Contributions">Per-model share of the score.</param>
/// <param name="Because">Rated titles behind it, strongest first.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ScoredTitle")]
public sealed record ScoredTitle([property: Id(0)] int MovieId, [property: Id(1)] float Score, [property: Id(2)] IReadOnlyDictionary<string, float> Contributions, [property: Id(3)] IReadOnlyList<ReasonRef> Because);

/// <summary>A personal ranking.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Personalised">False when no rating was usable (popularity).</param>
/// <param name="ModelVersion">The bundle version.</param>
/// <param name="TrainedVersion">The <c>trained_models.version</c> that ranked it (0 when unknown).</param>
[GenerateSerializer, Immutable, Alias("cinesync.PersonalRanking")]
public sealed record PersonalRanking([property: Id(0)] IReadOnlyList<ScoredTitle> Items, [property: Id(1)] bool Personalised, [property: Id(2)] string ModelVersion, [property: Id(3)] int TrainedVersion = 0);

/// <summary>A taste vector computed by fold-in.</summary>
/// <param name="ModelVersion">The bundle whose item factors it lives in.</param>
/// <param name="Values">The vector.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TasteVector")]
public sealed record TasteVector([property: Id(0)] string ModelVersion, [property: Id(1)] float[] Values);

/// <summary>How a group ranking combines members' preferences.</summary>
[GenerateSerializer, Alias("cinesync.PartyStrategy")]
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
/// <param name="ModelVersion">The <c>trained_models.version</c> to rank with (the party creator's experiment arm); 0 for the current model.</param>
[GenerateSerializer, Immutable, Alias("cinesync.GroupRankingRequest")]
public sealed record GroupRankingRequest([property: Id(0)] IReadOnlyList<TasteSnapshot> Members, [property: Id(1)] PartyStrategy Strategy, [property: Id(2)] int Count, [property: Id(3)] TitleFilter? Filter, [property: Id(4)] int ModelVersion = 0);

/// <summary>How well a group pick suits one member.</summary>
/// <param name="UserId">The member.</param>
/// <param name="Percentile">Where the title falls in the member's own ranking (1 = favourite, 0.5 = median).</param>
/// <param name="PredictedStars">The member's own rating at that percentile of their ratings (3.5 without ratings).</param>
[GenerateSerializer, Immutable, Alias("cinesync.MemberFit")]
public readonly record struct MemberFit([property: Id(0)] long UserId, [property: Id(1)] float Percentile, [property: Id(2)] float PredictedStars);

/// <summary>A group pick.</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Score">The strategy's aggregate score.</param>
/// <param name="Members">Per-member fit.</param>
[GenerateSerializer, Immutable, Alias("cinesync.GroupScoredTitle")]
public sealed record GroupScoredTitle([property: Id(0)] int MovieId, [property: Id(1)] float Score, [property: Id(2)] IReadOnlyList<MemberFit> Members);

/// <summary>A group ranking.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Strategy">Strategy used.</param>
/// <param name="ModelVersion">The bundle version.</param>
/// <param name="TrainedVersion">The <c>trained_models.version</c> that ranked it (0 when unknown).</param>
[GenerateSerializer, Immutable, Alias("cinesync.GroupRanking")]
public sealed record GroupRanking([property: Id(0)] IReadOnlyList<GroupScoredTitle> Items, [property: Id(1)] PartyStrategy Strategy, [property: Id(2)] string ModelVersion, [property: Id(3)] int TrainedVersion = 0);

/// <summary>A similar title from a ModelGrain.</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Score">Similarity.</param>
[GenerateSerializer, Immutable, Alias("cinesync.SimilarScore")]
public readonly record struct SimilarScore([property: Id(0)] int MovieId, [property: Id(1)] float Score);

/// <summary>The trained model version the registry holds as current.</summary>
/// <param name="Version">The <c>trained_models.version</c>; 0 when none is trained yet.</param>
/// <param name="Label">The bundle's version label.</param>
/// <param name="CreatedAt">When it was trained.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ModelVersionStamp")]
public sealed record ModelVersionStamp([property: Id(0)] int Version, [property: Id(1)] string Label, [property: Id(2)] DateTimeOffset CreatedAt)
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
[GenerateSerializer, Immutable, Alias("cinesync.ModelInfo")]
public sealed record ModelInfo([property: Id(0)] ModelVersionStamp Stamp, [property: Id(1)] IReadOnlyList<string> ModelNames, [property: Id(2)] IReadOnlyDictionary<string, float> GlobalWeights, [property: Id(3)] int ItemCount, [property: Id(4)] IReadOnlyDictionary<string, double> Metrics);
