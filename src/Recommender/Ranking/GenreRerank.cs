namespace CineSync.Recommender.Ranking;

/// <summary>
/// Tilts the ensemble's candidates toward the genres a user rates highly. The ensemble ranks by co-rating patterns,
/// which favour blockbusters; the user's own genre averages (5★ thrillers, 1★ romances) then move the candidates
/// toward what this user rates highly.
/// </summary>
public static class GenreRerank
{
    /// <summary>How strongly affinity moves a score: score + λ·affinity·|score|.</summary>
    public const float DefaultWeight = 0.5f;

    /// <summary>Candidates fetched per title shown, so the re-rank has something to choose from.</summary>
    public const int Overfetch = 3;

    /// <summary>
    /// The re-ranked score. Scaled by |score| rather than score, because blended scores are z-sums and can be negative:
    /// a liked genre must raise a title and a disliked one lower it, whatever the sign of the ensemble's score.
    /// </summary>
    /// <param name="score">The ensemble's score.</param>
    /// <param name="affinity">The user's affinity for the title's genres in [−1, 1] (clamped).</param>
    /// <param name="weight">λ.</param>
    public static float Adjust(float score, float affinity, float weight = DefaultWeight) =>
        score + (weight * Math.Clamp(affinity, -1f, 1f) * MathF.Abs(score));

    /// <summary>The best <paramref name="count"/> candidates by adjusted score; ties keep the ensemble's order.</summary>
    public static IReadOnlyList<Reranked<T>> Apply<T>(IEnumerable<T> candidates, Func<T, float> score, Func<T, float> affinity, int count, float weight = DefaultWeight)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(affinity);
        return [.. candidates
            .Select(c => new Reranked<T>(c, Adjust(score(c), affinity(c), weight)))
            .OrderByDescending(r => r.Score)
            .Take(Math.Max(0, count))];
    }
}

/// <summary>A candidate with its re-ranked score.</summary>
/// <param name="Item">The candidate.</param>
/// <param name="Score">Its score after the re-rank.</param>
public readonly record struct Reranked<T>(T Item, float Score);
