using Microsoft.AspNetCore.Http;

namespace CineSync.Dashboard;

/// <summary>Where the dashboard's pages live. Everything under <see cref="Root"/> is a dashboard route, whoever maps it.</summary>
public static class DashboardPaths
{
    /// <summary>CineSync's page (<c>/dashboard/</c>), the address people already use; its JSON is under <c>/dashboard/api/</c>.</summary>
    public const string Root = "/dashboard";

    /// <summary>Orleans' dashboard (grains, methods, silos, activations, reminders, log stream).</summary>
    public const string Orleans = "/dashboard/orleans";

    /// <summary>Whether <paramref name="path"/> is <see cref="Root"/> or below it (case-insensitive, as routing is).</summary>
    public static bool IsUnderRoot(PathString path) => path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);
}
