namespace CineSync.Recommender.Ranking;

/// <summary>
/// Model contributions as a person can read them. Raw contributions are signed z-score terms ("ease 383% · knn −41%"
/// when divided by their sum); shown here are only the models pushing in one direction, as whole-percent shares that
/// add up to exactly 100 %, and a phrase for each model.
/// </summary>
public static class ModelShares
{
    /// <summary>
    /// Shares of the contributions with the given sign (positive when a title suits, negative when it does not), rounded
    /// to whole percents by largest remainder so they add up to exactly 1. Empty when no model pushes that way.
    /// </summary>
    public static IReadOnlyDictionary<string, float> Normalise(IReadOnlyDictionary<string, float> contributions, bool upward = true)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var sign = upward ? 1f : -1f;
        var pushing = contributions
            .Select(c => (c.Key, Value: sign * c.Value))
            .Where(c => c.Value > 0f && float.IsFinite(c.Value))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToArray();
        var total = pushing.Sum(c => (double)c.Value);
        if (pushing.Length == 0 || !(total > 0))
        {
            return new Dictionary<string, float>(StringComparer.Ordinal);
        }

        var exact = pushing.Select(c => 100.0 * c.Value / total).ToArray();
        var whole = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = 100 - whole.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - whole[i]).ThenBy(i => i).Take(left))
        {
            whole[i]++;
        }

        var shares = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < pushing.Length; i++)
        {
            if (whole[i] > 0)
            {
                shares[pushing[i].Key] = whole[i] / 100f;
            }
        }

        return shares;
    }

    /// <summary>Where a model's signal comes from, in words (e.g. "people with tastes like yours").</summary>
    public static string Source(string? model) => model switch
    {
        "als" => "people with tastes like yours",
        "knn" => "films similar to ones you rated",
        "ease" or "edlae" => "what fans of the films you rated also watch",
        "rp3b" => "films often watched with the ones you rated",
        "content" => "the genres and people of films you rated",
        "pop" => "what is popular",
        null => "the ensemble",
        _ => model,
    };
}
