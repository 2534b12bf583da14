using CineSync.Grains.Interfaces;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;

namespace CineSync.Grains.Model;

/// <summary>Translations between the grain contracts and the recommender's types.</summary>
internal static class EngineMapping
{
    public static UserRating[] Ratings(IReadOnlyList<RatedMovie> ratings)
    {
        var result = new UserRating[ratings.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new UserRating(ratings[i].MovieId, ratings[i].Stars, ratings[i].RatedAtUnix);
        }

        return result;
    }

    public static RecommendationFilter? Filter(TitleFilter? filter) =>
        filter is null ? null : new RecommendationFilter(filter.Genres, filter.YearFrom, filter.YearTo, filter.MinRatings);

    /// <summary>The user's weights: each model's global weight times the user's multiplier.</summary>
    public static Dictionary<string, float>? Weights(RecommenderEngine engine, IReadOnlyDictionary<string, float>? multipliers)
    {
        if (multipliers is null || multipliers.Count == 0)
        {
            return null;
        }

        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (name, global) in engine.Bundle.GlobalWeights)
        {
            weights[name] = global * multipliers.GetValueOrDefault(name, 1f);
        }

        return weights;
    }

    /// <summary>The taste vector when it belongs to this engine's bundle (else the engine folds in again).</summary>
    public static float[]? Taste(RecommenderEngine engine, TasteSnapshot taste) =>
        taste.Taste is { } vector && taste.ModelVersion == engine.Bundle.Version ? vector : null;

    public static GroupStrategy Strategy(PartyStrategy strategy) => strategy switch
    {
        PartyStrategy.Average => GroupStrategy.Average,
        PartyStrategy.LeastMisery => GroupStrategy.LeastMisery,
        PartyStrategy.Borda => GroupStrategy.Borda,
        PartyStrategy.Fairness => GroupStrategy.Fair,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown strategy."),
    };

    public static ScoredTitle Scored(Recommendation item)
    {
        var because = new ReasonRef[item.Because.Count];
        for (var i = 0; i < because.Length; i++)
        {
            because[i] = new ReasonRef(item.Because[i].ItemId, item.Because[i].Rating, item.Because[i].Share);
        }

        return new ScoredTitle(item.ItemId, item.Score, item.ModelContributions, because);
    }

    public static TitleAssessment Assessment(ItemExplanation why) => new(
        why.ItemId,
        Fit(why.Verdict),
        why.Score,
        why.Percentile,
        why.ModelShares,
        why.ModelsAboveAverage,
        why.ModelsUsed,
        [.. why.Supporting.Select(Reason)],
        [.. why.Opposing.Select(Reason)],
        why.LikedGenres,
        why.DislikedGenres);

    public static TitleFit Fit(FitVerdict verdict) => verdict switch
    {
        FitVerdict.RatedHighly => TitleFit.RatedHighly,
        FitVerdict.RatedLow => TitleFit.RatedLow,
        FitVerdict.Suits => TitleFit.Suits,
        FitVerdict.Mixed => TitleFit.Mixed,
        FitVerdict.Unsuited => TitleFit.Unsuited,
        _ => TitleFit.Unknown,
    };

    public static FitVerdict Verdict(TitleFit fit) => fit switch
    {
        TitleFit.RatedHighly => FitVerdict.RatedHighly,
        TitleFit.RatedLow => FitVerdict.RatedLow,
        TitleFit.Suits => FitVerdict.Suits,
        TitleFit.Mixed => FitVerdict.Mixed,
        TitleFit.Unsuited => FitVerdict.Unsuited,
        _ => FitVerdict.Unknown,
    };

    /// <summary>Back to the engine's form, so the words come from the engine's <see cref="ExplanationText"/>.</summary>
    public static ItemExplanation Explanation(TitleAssessment assessment) => new(
        assessment.MovieId,
        Verdict(assessment.Fit),
        assessment.Score,
        assessment.Percentile,
        assessment.ModelShares,
        assessment.ModelsAboveAverage,
        assessment.ModelsUsed,
        [.. assessment.Supporting.Select(r => new Because(r.MovieId, r.Stars, r.Share))],
        [.. assessment.Opposing.Select(r => new Because(r.MovieId, r.Stars, r.Share))],
        assessment.LikedGenres,
        assessment.DislikedGenres);

    private static ReasonRef Reason(Because because) => new(because.ItemId, because.Rating, because.Share);
}
