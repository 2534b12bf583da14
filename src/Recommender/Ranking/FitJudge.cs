namespace CineSync.Recommender.Ranking;

/// <summary>Whether a title suits a user.</summary>
public enum FitVerdict
{
    /// <summary>No usable rating: nothing personal to say.</summary>
    Unknown,

    /// <summary>The user rated it highly themselves.</summary>
    RatedHighly,

    /// <summary>The user rated it low themselves: it does not suit them.</summary>
    RatedLow,

    /// <summary>Predicted to suit: near the top of the user's ranking and not more like their dislikes than their likes.</summary>
    Suits,

    /// <summary>Neither clearly: some signals for, some against.</summary>
    Mixed,

    /// <summary>Predicted not to suit: below the user's median, every model below average, or more like their dislikes.</summary>
    Unsuited,
}

/// <summary>What the judgement rests on.</summary>
/// <param name="YourRating">The user's own rating of the title, if any.</param>
/// <param name="Personalised">Whether the user has any rating the models can use.</param>
/// <param name="Percentile">The title's place among everything the user has not rated (1 = best).</param>
/// <param name="ModelsAboveAverage">Models scoring it above their average for this user.</param>
/// <param name="ModelsUsed">Models that scored it.</param>
/// <param name="LikedResemblance">Similarity to the closest title the user rated highly (0 when none).</param>
/// <param name="DislikedResemblance">Similarity to the closest title the user rated low (0 when none).</param>
/// <param name="LikedGenres">How many of its genres the user rates clearly above their mean.</param>
/// <param name="DislikedGenres">How many of its genres the user rates clearly below their mean.</param>
public readonly record struct FitEvidence(
    float? YourRating,
    bool Personalised,
    float Percentile,
    int ModelsAboveAverage,
    int ModelsUsed,
    float LikedResemblance,
    float DislikedResemblance,
    int LikedGenres = 0,
    int DislikedGenres = 0);

/// <summary>
/// The rule behind <c>/why</c>'s first sentence. A user's own rating decides; otherwise a title must sit in the top fifth
/// of the user's ranking, with at least one model above average and no closer to their dislikes than to their likes,
/// to be called a fit. Below the median, or with every model below average, it is called unsuited; so is a title closer
/// to their dislikes whose genres they mostly rate low, however high it ranks: the collaborative models read a 1★ as
/// interest ("people who rated this also rated…"), so rank alone would call a hated genre a fit.
/// </summary>
public static class FitJudge
{
    /// <summary>Ratings at or below this are the user's dislikes (2.5★ on a 5-star scale).</summary>
    public const float LowAtOrBelow = 2.5f;

    /// <summary>Ratings at or above this are the user's likes.</summary>
    public const float HighAtOrAbove = 3.5f;

    /// <summary>The user's top fifth counts as a fit.</summary>
    public const float SuitsFromPercentile = 0.8f;

    /// <summary>Below the user's median is unsuited.</summary>
    public const float UnsuitedBelowPercentile = 0.5f;

    /// <summary>Even the user's top tenth is unsuited when it is closer to their dislikes than to their likes.</summary>
    public const float DislikesOverruleBelowPercentile = 0.9f;

    /// <summary>Judges a title from its evidence.</summary>
    public static FitVerdict Judge(FitEvidence evidence)
    {
        if (evidence.YourRating is float yours)
        {
            if (yours <= LowAtOrBelow) { return FitVerdict.RatedLow; }
            if (yours >= HighAtOrAbove) { return FitVerdict.RatedHighly; }
        }

        if (!evidence.Personalised)
        {
            return FitVerdict.Unknown;
        }

        var closerToDislikes = evidence.DislikedResemblance > evidence.LikedResemblance;
        if ((evidence.ModelsUsed > 0 && evidence.ModelsAboveAverage == 0)
            || evidence.Percentile < UnsuitedBelowPercentile
            || (closerToDislikes && evidence.Percentile < DislikesOverruleBelowPercentile)
            || (closerToDislikes && evidence.DislikedGenres > evidence.LikedGenres))
        {
            return FitVerdict.Unsuited;
        }

        return evidence.Percentile >= SuitsFromPercentile && !closerToDislikes ? FitVerdict.Suits : FitVerdict.Mixed;
    }

    /// <summary>Whether a rating is one of the user's dislikes.</summary>
    public static bool IsLow(float rating) => rating <= LowAtOrBelow;

    /// <summary>Whether a rating is one of the user's likes.</summary>
    public static bool IsHigh(float rating) => rating >= HighAtOrAbove;
}
