using CineSync.Dashboard.Snapshots;

namespace CineSync.Dashboard.Cluster;

/// <summary>
/// Merges silo snapshots into one of the same shape: counts add up, percentiles come from the summed
/// latency buckets (exact, not averaged), charts align by wall-clock second.
/// </summary>
internal static class SnapshotMerger
{
    public static DashboardSnapshot Merge(IReadOnlyList<DashboardSnapshot> parts, IReadOnlyList<SiloSummary> unreachable)
    {
        var silos = parts.SelectMany(p => p.Silos).Concat(unreachable).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (parts.Count == 0)
        {
            return new DashboardSnapshot(0, silos, TrafficStats.Empty, 0, [], [], EmptyRecommendations, HistoryPoint.Empty, null);
        }

        return new DashboardSnapshot(
            parts.Max(p => p.SampledAtUnixMs),
            silos,
            TrafficStats.Merge(parts.Select(p => p.Totals)),
            parts.Sum(p => p.Activations),
            MergeGrainTypes(parts),
            [.. parts.SelectMany(p => p.Methods)
                .GroupBy(m => (m.GrainType, m.Method))
                .Select(g => new MethodStats(g.Key.GrainType, g.Key.Method, TrafficStats.Merge(g.Select(m => m.Traffic))))
                .OrderByDescending(m => m.Traffic.CallsPerSecond)],
            MergeRecommendations(parts.Select(p => p.Recommendations).ToList()),
            HistoryMerger.MergePoints(parts.Select(p => p.Point).ToList()),
            parts.All(p => p.History is not null) ? HistoryMerger.Merge(parts.Select(p => p.History!).ToList()) : null);
    }

    private static readonly RecommendationStats EmptyRecommendations = new(0, 0, 0, 0, null, [], null, []);

    private static List<GrainTypeStats> MergeGrainTypes(IReadOnlyList<DashboardSnapshot> parts) =>
        [.. parts.SelectMany(p => p.GrainTypes)
            .GroupBy(t => t.GrainType, StringComparer.Ordinal)
            .Select(g => new GrainTypeStats(
                g.Key,
                g.Sum(t => t.Activations),
                g.SelectMany(t => t.ActivationsBySilo)
                    .GroupBy(a => a.Key, StringComparer.Ordinal)
                    .ToDictionary(a => a.Key, a => a.Sum(x => x.Value), StringComparer.Ordinal),
                TrafficStats.Merge(g.Select(t => t.Traffic))))
            .OrderByDescending(t => t.Traffic.CallsPerSecond)
            .ThenByDescending(t => t.Activations)
            .ThenBy(t => t.GrainType, StringComparer.Ordinal)];

    private static RecommendationStats MergeRecommendations(IReadOnlyList<RecommendationStats> parts)
    {
        var active = parts.Sum(r => r.ActiveUsers);
        var cold = parts.Sum(r => r.ColdStartUsers);
        var models = parts.SelectMany(r => r.Models)
            .GroupBy(m => m.Model, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ModelFeedback.Create(g.Key, g.Sum(m => m.Likes), g.Sum(m => m.Dislikes), g.Sum(m => m.NotInterested), g.Sum(m => m.Watched)))
            .ToList();

        // Silos may briefly serve different bundles during a hot swap: show the newest, list them all.
        var model = parts.Select(r => r.Model).OfType<ModelInfo>().OrderByDescending(m => m.TrainedAt ?? DateTimeOffset.MinValue).FirstOrDefault();
        return new RecommendationStats(
            parts.Sum(r => r.TotalRatings),
            parts.Sum(r => r.RatingsPerMinute),
            active,
            cold,
            active <= 0 ? null : (double)cold / active,
            models,
            model,
            [.. parts.SelectMany(r => r.ModelVersions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
