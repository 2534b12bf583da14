namespace CineSync.Dashboard.Access;

/// <summary>
/// Marks an endpoint as a dashboard route (see <see cref="Microsoft.AspNetCore.Builder.DashboardEndpointConventions.RequireDashboardAccess{TBuilder}"/>):
/// served only on the dashboard endpoint and only through the access policy, even if mapped outside
/// <see cref="DashboardPaths.Root"/>.
/// </summary>
internal sealed class DashboardEndpointMetadata
{
    public static DashboardEndpointMetadata Instance { get; } = new();
}
