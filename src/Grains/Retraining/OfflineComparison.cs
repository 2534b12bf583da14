using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;

namespace CineSync.Grains.Retraining;

/// <summary>One user's ratings split for the offline comparison: what the model may see, and the newest ones it must find.</summary>
/// <param name="History">Ratings before the held-out ones (the ranking's input; never recommended back).</param>
/// <param name="Relevant">Held-out titles the user liked (rated at least <see cref="OfflineComparison.LikedAtOrAbove"/>).</param>
internal sealed record HeldOutUser(IReadOnlyList<UserRating> History, IReadOnlySet<int> Relevant);

/// <summary>Full-ranking metrics of one engine on held-out users: the top 10 of each user against their liked held-out titles.</summary>
internal static class OfflineComparison
{
    /// <summary>Held-out ratings at or above this count as liked.</summary>
    public const float LikedAtOrAbove = 3.5f;

    /// <summary>The cut-off.</summary>
    public const int K = 10;

    /// <summary>Mean Recall@10, mean NDCG@10 over users with a liked held-out title, and coverage (distinct titles in the top 10s ÷ titles the bundle knows).</summary>
    public static (double Recall, double Ndcg, double Coverage) Evaluate(RecommenderEngine engine, IReadOnlyList<HeldOutUser> users)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(users);
        var (recall, ndcg, counted) = (0.0, 0.0, 0);
        var shown = new HashSet<int>();
        foreach (var user in users.Where(u => u.Relevant.Count > 0))
        {
            var top = engine.Recommend(new RecommendationRequest(user.History) { Count = K, ExplanationsPerItem = 0 }).Items;
            var (hits, dcg) = (0, 0.0);
            for (var i = 0; i < top.Count; i++)
            {
                shown.Add(top[i].ItemId);
                if (user.Relevant.Contains(top[i].ItemId))
                {
                    hits++;
                    dcg += 1 / Math.Log2(i + 2);
                }
            }

            var ideal = Enumerable.Range(0, Math.Min(K, user.Relevant.Count)).Sum(i => 1 / Math.Log2(i + 2));
            recall += (double)hits / user.Relevant.Count;
            ndcg += dcg / ideal;
            counted++;
        }

        return counted == 0 ? (0, 0, 0) : (recall / counted, ndcg / counted, (double)shown.Count / Math.Max(1, engine.Bundle.ItemCount));
    }
}
