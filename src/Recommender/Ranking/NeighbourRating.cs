namespace CineSync.Recommender.Ranking;

/// <summary>
/// A member's predicted rating of a title, on their own scale: their mean, moved by how they rated the titles most
/// like it (item-based collaborative filtering; Sarwar et al. 2001), shrunk toward the mean when little is alike:
/// r̂ = μ + Σₖ sₖ(rₖ − μ) / (Σₖ sₖ + λ) over the K most similar rated titles with sₖ > 0.
/// Unlike a percentile of the member's ranking, this differs per member and per title, and a member who rated every
/// comedy 1★ is predicted to rate the next comedy low.
/// </summary>
public static class NeighbourRating
{
    /// <summary>Rated titles consulted per prediction.</summary>
    public const int Neighbours = 20;

    /// <summary>λ: similarity mass worth "no information", pulling weakly supported predictions to the mean.</summary>
    public const float Shrinkage = 1f;

    /// <summary>Without ratings a member is predicted the middle of the scale's upper half.</summary>
    public const float NoRatings = 3.5f;

    /// <summary>Predicts one rating from the member's ratings and each rated title's similarity to the one predicted.</summary>
    /// <param name="ratings">The member's ratings.</param>
    /// <param name="similarities">Similarity of each rated title to the predicted one (same order; ≤ 0 is ignored).</param>
    /// <param name="minRating">Lowest rating on the scale.</param>
    /// <param name="maxRating">Highest rating on the scale.</param>
    public static float Predict(ReadOnlySpan<float> ratings, ReadOnlySpan<float> similarities, float minRating = 0.5f, float maxRating = 5f)
    {
        if (ratings.Length != similarities.Length)
        {
            throw new ArgumentException("One similarity per rating is required.", nameof(similarities));
        }

        if (ratings.IsEmpty)
        {
            return NoRatings;
        }

        var mean = 0f;
        foreach (var r in ratings) { mean += r; }
        mean /= ratings.Length;

        // The K most similar with positive similarity.
        var order = new int[ratings.Length];
        var keys = new float[ratings.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -similarities[i];
        }

        Array.Sort(keys, order);
        double weighted = 0, mass = 0;
        for (var k = 0; k < Math.Min(Neighbours, order.Length); k++)
        {
            var s = similarities[order[k]];
            if (!(s > 0f)) { break; }
            weighted += s * (ratings[order[k]] - mean);
            mass += s;
        }

        return Math.Clamp((float)(mean + (weighted / (mass + Shrinkage))), minRating, maxRating);
    }

    /// <summary>
    /// Whether a member is predicted to dislike a title: at or below <see cref="FitJudge.LowAtOrBelow"/> and half a star
    /// below their own mean (a harsh member's usual 2.5★ is not a dislike), or 1.25★ below their mean (a generous member's 3★ is).
    /// </summary>
    public static bool IsDislike(float predicted, float memberMean) =>
        (predicted <= FitJudge.LowAtOrBelow && predicted < memberMean - 0.5f) || predicted < memberMean - 1.25f;
}
