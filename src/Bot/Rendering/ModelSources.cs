namespace CineSync.Bot.Rendering;

/// <summary>What each model's signal means to a member, instead of its code name.</summary>
internal static class ModelSources
{
    public static string Describe(string model) => model switch
    {
        "als" => "people with tastes like yours",
        "knn" => "films similar to ones you rated",
        "ease" or "edlae" => "what fans of your films also watch",
        "rp3b" => "films watched together with yours",
        "content" => "genres and people you rated",
        "pop" => "popularity",
        _ => model,
    };

    /// <summary>"62% people with tastes like yours · 38% popularity": shares (already adding up to 100%), largest first.</summary>
    public static string Shares(IReadOnlyDictionary<string, float> shares) =>
        string.Join(" · ", shares.Where(s => s.Value > 0f).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"{Text.Percent(Math.Clamp(s.Value, 0f, 1f))} {Describe(s.Key)}"));
}
