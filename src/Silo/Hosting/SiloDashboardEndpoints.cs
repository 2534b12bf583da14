using CineSync.Dashboard;
using Orleans.Dashboard;

namespace CineSync.Silo.Hosting;

/// <summary>The silo's dashboards, both on the dashboard endpoint and behind one access policy.</summary>
internal static class SiloDashboardEndpoints
{
    /// <summary>
    /// Maps CineSync's page at <c>/dashboard/</c> (ratings, users, 👍 share per model, served models; per-silo facts read
    /// from each silo) and Orleans' dashboard at <c>/dashboard/orleans/</c> (grains, methods, silos, activations), and adds
    /// the middleware that serves them only on the dashboard endpoint and only to loopback clients or, when a token is
    /// configured, to requests carrying it. The middleware stays even with <c>Dashboard:Enabled=false</c>, so nothing
    /// under <c>/dashboard</c> is ever served elsewhere.
    /// </summary>
    public static WebApplication MapCineSyncDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCineSyncDashboardAccess();
        if (!SiloCompositionExtensions.DashboardEnabled(app.Configuration))
        {
            return app;
        }

        app.MapCineSyncDashboardPage();
        app.MapOrleansDashboard(routePrefix: DashboardPaths.Orleans).RequireDashboardAccess();
        return app;
    }
}
