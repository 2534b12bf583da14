using CineSync.Recommender.Data;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Engine;

/// <summary>Explain one title for one user (<c>/why</c>).</summary>
/// <param name="Ratings">The user's ratings; a rating of the title itself is left out of the scoring (it would explain itself).</param>
/// <param name="ItemId">The title.</param>
public sealed record ItemExplanationRequest(IReadOnlyList<UserRating> Ratings, int ItemId)
{
    /// <summary>Taste vector for exactly these ratings; ignored when the title itself is among them.</summary>
    public float[]? Taste { get; init; }

    /// <summary>Per-user ensemble weights by model name.</summary>
    public IReadOnlyDictionary<string, float>? ModelWeights { get; init; }

    /// <summary>Rated titles cited on each side (default 3).</summary>
    public int Reasons { get; init; } = 3;
}

/// <summary>Why one title would, or would not, suit one user.</summary>
/// <param name="ItemId">The title.</param>
/// <param name="Verdict">The judgement (see <see cref="FitJudge"/>).</param>
/// <param name="Score">The blended ensemble score.</param>
/// <param name="Percentile">Where the title falls among every title the user has not rated (1 = their best, 0.5 = median).</param>
/// <param name="ModelShares">Shares of the models pushing toward the verdict (up when it suits, down when not), adding up to 1.</param>
/// <param name="ModelsAboveAverage">Models scoring the title above their average for this user.</param>
/// <param name="ModelsUsed">Models that scored it.</param>
/// <param name="Supporting">Titles the user rated highly that lead to it, strongest first (shares add up to 1).</param>
/// <param name="Opposing">Titles the user rated low that it resembles, most alike first (shares add up to 1).</param>
/// <param name="LikedGenres">The title's genres the user rates clearly above their own mean.</param>
/// <param name="DislikedGenres">The title's genres the user rates clearly below their own mean.</param>
public sealed record ItemExplanation(
    int ItemId,
    FitVerdict Verdict,
    float Score,
    float Percentile,
    IReadOnlyDictionary<string, float> ModelShares,
    int ModelsAboveAverage,
    int ModelsUsed,
    IReadOnlyList<Because> Supporting,
    IReadOnlyList<Because> Opposing,
    IReadOnlyList<string> LikedGenres,
    IReadOnlyList<string> DislikedGenres);
