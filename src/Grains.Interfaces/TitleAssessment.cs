namespace CineSync.Grains.Interfaces;

/// <summary>Whether a title suits a user (<c>/why</c>).</summary>
[GenerateSerializer, Alias("cinesync.TitleFit")]
public enum TitleFit
{
    /// <summary>Not enough ratings to say.</summary>
    Unknown,

    /// <summary>The user rated it highly.</summary>
    RatedHighly,

    /// <summary>The user rated it low: it does not suit them.</summary>
    RatedLow,

    /// <summary>Predicted to suit.</summary>
    Suits,

    /// <summary>Signals both ways.</summary>
    Mixed,

    /// <summary>Predicted not to suit.</summary>
    Unsuited,
}

/// <summary>A ModelGrain's judgement of one title for one user (ids only; the taste grain adds titles and words).</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Fit">The verdict.</param>
/// <param name="Score">Blended ensemble score.</param>
/// <param name="Percentile">Its place among everything the user has not rated (1 = best).</param>
/// <param name="ModelShares">Shares (adding up to 1) of the models pushing toward the verdict.</param>
/// <param name="ModelsAboveAverage">Models scoring it above their average for this user.</param>
/// <param name="ModelsUsed">Models that scored it.</param>
/// <param name="Supporting">Highly rated titles leading to it.</param>
/// <param name="Opposing">Low-rated titles it resembles.</param>
/// <param name="LikedGenres">Its genres the user rates above their mean (lower case).</param>
/// <param name="DislikedGenres">Its genres the user rates below their mean (lower case).</param>
[GenerateSerializer, Immutable, Alias("cinesync.TitleAssessment")]
public sealed record TitleAssessment(
    [property: Id(0)] int MovieId,
    [property: Id(1)] TitleFit Fit,
    [property: Id(2)] float Score,
    [property: Id(3)] float Percentile,
    [property: Id(4)] IReadOnlyDictionary<string, float> ModelShares,
    [property: Id(5)] int ModelsAboveAverage,
    [property: Id(6)] int ModelsUsed,
    [property: Id(7)] IReadOnlyList<ReasonRef> Supporting,
    [property: Id(8)] IReadOnlyList<ReasonRef> Opposing,
    [property: Id(9)] IReadOnlyList<string> LikedGenres,
    [property: Id(10)] IReadOnlyList<string> DislikedGenres);
