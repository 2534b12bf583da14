using CineSync.Dashboard;
using CineSync.Dashboard.Access;
using CineSync.Dashboard.Api;
using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Hosting;
using CineSync.Dashboard.Quality;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Puts the dashboard into a web app registered with <c>AddCineSyncDashboard</c>.</summary>
public static class DashboardApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the middleware that serves dashboard routes only on the dashboard endpoint and only through its access policy
    /// (see <see cref="DashboardAccessPolicy"/>). Add it before any dashboard route can run; it is harmless for the rest.
    /// </summary>
    public static IApplicationBuilder UseCineSyncDashboardAccess(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<DashboardAccessMiddleware>();
    }

    /// <summary>
    /// Maps CineSync's page at <see cref="DashboardPaths.Root"/><c>/</c> (HTML, script, style sheet; no third-party code)
    /// and its JSON at <c>/dashboard/api/cluster</c> and <c>/dashboard/api/quality</c> (with the experiments' promote and
    /// stop actions), all behind the access policy.
    /// </summary>
    public static RouteGroupBuilder MapCineSyncDashboardPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var assets = endpoints.ServiceProvider.GetRequiredService<EmbeddedAssets>();
        var group = endpoints.MapGroup(DashboardPaths.Root).RequireDashboardAccess();
        group.MapGet("/", (HttpContext context) => Page(context, assets)); // also "/dashboard": routes ignore a trailing slash
        foreach (var name in assets.Names.Where(n => n != "index.html"))
        {
            group.MapGet("/" + name, () => assets.Serve(name));
        }

        group.MapGet("/api/cluster", async (HttpContext context, ClusterFactsReader reader) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false), DashboardJsonContext.Default.ClusterView);
        });
        group.MapQualityApi();
        return group;
    }

    private static IResult Page(HttpContext context, EmbeddedAssets assets)
    {
        // Our page loads nothing but its own files; Orleans' UI is another page and keeps its own rules.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        return assets.Serve("index.html");
    }
}
