using System.Collections;
using CineSync.Grains.Interfaces;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;

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

    /// <summary>Every item id of the bundle but one: lets the engine rank (and explain) exactly one title without copying ids.</summary>
    public sealed class AllBut(IReadOnlyList<int> ids, int keep) : IReadOnlyCollection<int>
    {
        public int Count => ids.Count - 1;

        public IEnumerator<int> GetEnumerator()
        {
            foreach (var id in ids)
            {
                if (id != keep)
                {
                    yield return id;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
