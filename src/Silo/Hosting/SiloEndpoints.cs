using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CineSync.Silo.Hosting;

/// <summary>The silo's HTTP endpoints.</summary>
internal static class SiloEndpoints
{
    /// <summary>The health endpoint: 200 with a JSON status when the database is reachable, 503 otherwise.</summary>
    public const string HealthPath = "/health";

    /// <summary>Maps <c>GET /health</c> over every registered health check.</summary>
    public static IEndpointRouteBuilder MapCineSyncHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new HealthResponse(
            report.Status.ToString(),
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description, e.Value.Data.Count == 0 ? null : e.Value.Data)));
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJsonContext.Default.HealthResponse, context.RequestAborted);
    }
}
