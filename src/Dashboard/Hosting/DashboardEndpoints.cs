using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Logging;
using CineSync.Dashboard.Metrics;
using CineSync.Dashboard.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// The dashboard's routes: the pages under <c>/dashboard/</c> and a JSON API under <c>/dashboard/api/</c>
/// behind each of them (<c>silo</c> is this silo alone and is what peers fetch; the others are cluster-wide).
/// </summary>
internal static partial class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SiloStatsCollector collector, ClusterView cluster, LogTail logs, EmbeddedAssets assets, CancellationToken stopping)
    {
        routes.MapGet("/", () => Results.Redirect("/dashboard/"));
        routes.MapGet("/dashboard", () => assets.Serve("index.html")); // also "/dashboard/": routing ignores the trailing slash
        routes.MapGet("/dashboard/{file}", (string file) => file.Contains('.', StringComparison.Ordinal) ? assets.Serve(file) : assets.Serve("index.html"));

        var api = routes.MapGroup("/dashboard/api");
        api.MapGet("/silo", (bool? history) => Json(collector.GetSnapshot(history ?? false), DashboardJsonContext.Default.DashboardSnapshot));
        api.MapGet("/cluster", async (bool? history, CancellationToken ct) =>
            Json(await cluster.GetAsync(history ?? false, ct).ConfigureAwait(false), DashboardJsonContext.Default.DashboardSnapshot));
        api.MapGet("/grains", async (CancellationToken ct) =>
        {
            var snapshot = await cluster.GetAsync(includeHistory: false, ct).ConfigureAwait(false);
            return Json(new GrainsView(snapshot.SampledAtUnixMs, [.. snapshot.Silos.Select(s => s.Name)], snapshot.GrainTypes), DashboardJsonContext.Default.GrainsView);
        });
        api.MapGet("/methods", async (string? sort, int? top, CancellationToken ct) =>
        {
            var snapshot = await cluster.GetAsync(includeHistory: false, ct).ConfigureAwait(false);
            var (key, sorted) = SortMethods(snapshot.Methods, sort);
            var limit = Math.Clamp(top ?? 50, 1, 1000);
            return Json(new MethodsView(snapshot.SampledAtUnixMs, key, snapshot.Methods.Count, [.. sorted.Take(limit)]), DashboardJsonContext.Default.MethodsView);
        });
        api.MapGet("/recommendations", async (CancellationToken ct) =>
        {
            var snapshot = await cluster.GetAsync(includeHistory: false, ct).ConfigureAwait(false);
            return Json(
                new RecommendationsView(snapshot.SampledAtUnixMs, snapshot.Recommendations, [.. snapshot.Silos.Where(s => !s.Reachable).Select(s => s.Name)]),
                DashboardJsonContext.Default.RecommendationsView);
        });
        api.MapGet("/logs", (long? after) => Json(logs.ReadAfter(after ?? 0), DashboardJsonContext.Default.LogLineArray));
        api.MapGet("/stream", (HttpContext context) => StreamSnapshotsAsync(context, collector, cluster, stopping));
        api.MapGet("/logs/stream", (HttpContext context, long? after) => StreamLogsAsync(context, logs, after ?? 0, stopping));
    }

    /// <summary>Sorts by <c>calls</c> (per second, default), <c>errors</c> (per second), <c>latency</c> (mean) or <c>p99</c>.</summary>
    internal static (string Key, IEnumerable<MethodStats> Sorted) SortMethods(IEnumerable<MethodStats> methods, string? sort) => sort switch
    {
        "errors" => ("errors", methods.OrderByDescending(m => m.Traffic.ErrorsPerSecond).ThenByDescending(m => m.Traffic.TotalErrors)),
        "latency" => ("latency", methods.OrderByDescending(m => m.Traffic.MeanLatencyMs ?? -1)),
        "p99" => ("p99", methods.OrderByDescending(m => m.Traffic.P99LatencyMs ?? -1)),
        _ => ("calls", methods.OrderByDescending(m => m.Traffic.CallsPerSecond).ThenByDescending(m => m.Traffic.TotalCalls)),
    };

    private static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        Results.Json(value, typeInfo);
}
