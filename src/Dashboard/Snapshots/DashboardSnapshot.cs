namespace CineSync.Dashboard.Snapshots;

/// <summary>
/// Everything the dashboard shows, for one silo (<c>/dashboard/api/silo</c>) or merged over the cluster
/// (<c>/dashboard/api/cluster</c>): both have the same shape, so merging is closed and pages need one model.
/// </summary>
/// <param name="SampledAtUnixMs">When the (latest) sample was taken.</param>
/// <param name="Silos">The silos the figures cover, unreachable ones included.</param>
/// <param name="Totals">Calls over all grain types.</param>
/// <param name="Activations">Live activations over all grain types.</param>
/// <param name="GrainTypes">Per grain type, busiest first.</param>
/// <param name="Methods">Per grain method.</param>
/// <param name="Recommendations">Recommendation health.</param>
/// <param name="Point">The latest one-second chart point.</param>
/// <param name="History">The last 15 minutes, when asked for.</param>
internal sealed record DashboardSnapshot(
    long SampledAtUnixMs,
    IReadOnlyList<SiloSummary> Silos,
    TrafficStats Totals,
    long Activations,
    IReadOnlyList<GrainTypeStats> GrainTypes,
    IReadOnlyList<MethodStats> Methods,
    RecommendationStats Recommendations,
    HistoryPoint Point,
    History? History);

/// <summary>One silo's row in the overview.</summary>
internal sealed record SiloSummary(
    string Name,
    string Address,
    string? DashboardUrl,
    string Status,
    IReadOnlyList<string> Roles,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    double CpuPercent,
    long WorkingSetBytes,
    long GcHeapBytes,
    long Activations,
    double CallsPerSecond,
    bool Reachable,
    string? Error);

/// <summary>Per grain type.</summary>
internal sealed record GrainTypeStats(
    string GrainType,
    long Activations,
    IReadOnlyDictionary<string, long> ActivationsBySilo,
    TrafficStats Traffic);

/// <summary>Per grain method.</summary>
internal sealed record MethodStats(string GrainType, string Method, TrafficStats Traffic);

/// <summary>Recommendation health.</summary>
internal sealed record RecommendationStats(
    long TotalRatings,
    double RatingsPerMinute,
    long ActiveUsers,
    long ColdStartUsers,
    double? ColdStartShare,
    IReadOnlyList<ModelFeedback> Models,
    ModelInfo? Model,
    IReadOnlyList<string> ModelVersions);

/// <summary>Feedback counts on one model's picks since the silos started.</summary>
internal sealed record ModelFeedback(string Model, long Likes, long Dislikes, long NotInterested, long Watched, double? LikeShare)
{
    public static ModelFeedback Create(string model, long likes, long dislikes, long notInterested, long watched) =>
        new(model, likes, dislikes, notInterested, watched, likes + dislikes == 0 ? null : (double)likes / (likes + dislikes));
}
