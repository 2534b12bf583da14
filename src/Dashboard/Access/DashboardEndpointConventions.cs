using CineSync.Dashboard.Access;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Puts endpoints behind the dashboard's access rules.</summary>
public static class DashboardEndpointConventions
{
    /// <summary>
    /// Marks every endpoint of <paramref name="builder"/> (for example the route group <c>MapOrleansDashboard</c>
    /// returns) as a dashboard route: it answers only on the dashboard endpoint, only to requests the access policy lets
    /// in, and 404 anywhere else. Needs <c>UseCineSyncDashboardAccess</c> in the pipeline.
    /// </summary>
    public static TBuilder RequireDashboardAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(DashboardEndpointMetadata.Instance));
        return builder;
    }
}
