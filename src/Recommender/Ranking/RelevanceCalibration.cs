using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;

namespace CineSync.Recommender.Ranking;

/// <summary>
/// Fits a <see cref="RelevanceCurve"/> on a validation split: every validation user's personal list from an engine trained
/// without their validation titles, each listed title observed as relevant or not. Never give it test data.
/// </summary>
public static class RelevanceCalibration
{
    /// <summary>Listed titles observed per user: deeper ranks matter little to a ten-title shortlist.</summary>
    public const int Depth = 300;

    /// <summary>Fits the curve.</summary>
    /// <param name="engine">An engine over a bundle trained on <paramref name="train"/> only.</param>
    /// <param name="train">Ratings the engine was trained on.</param>
    /// <param name="validation">Held-out ratings of the same users.</param>
    /// <param name="relevanceThreshold">Validation ratings at or above this are relevant; null: every held-out title.</param>
    public static RelevanceCurve Fit(RecommenderEngine engine, IReadOnlyList<RatingRecord> train, IReadOnlyList<RatingRecord> validation, float? relevanceThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        var rated = train.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => new UserRating(r.ItemId, r.Value, r.Timestamp)).ToArray());
        var relevant = validation
            .Where(r => relevanceThreshold is not float t || r.Value >= t)
            .GroupBy(r => r.UserId)
            .Where(g => rated.ContainsKey(g.Key))
            .ToDictionary(g => g.Key, g => g.Select(r => r.ItemId).ToHashSet());
        return RelevanceCurve.Fit(relevant.OrderBy(u => u.Key).SelectMany(user =>
        {
            var ratings = rated[user.Key];
            var list = engine.Recommend(new RecommendationRequest(ratings) { Count = Depth, ExplanationsPerItem = 0 }).Items;
            return list.Select((item, rank) => (rank, ratings.Length, user.Value.Contains(item.ItemId)));
        }));
    }
}
