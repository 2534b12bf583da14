namespace CineSync.Dashboard;

/// <summary>The dashboard endpoint of this silo.</summary>
public interface ISiloDashboard
{
    /// <summary>
    /// The address the dashboard answers on (for example <c>http://127.0.0.1:8450/</c>; its pages are under
    /// <see cref="DashboardPaths.Root"/>), or <c>null</c> before the server has bound it or when it is disabled.
    /// </summary>
    Uri? BaseAddress { get; }

    /// <summary>Whether <paramref name="localPort"/> (a connection's local port) is the dashboard endpoint's.</summary>
    bool IsDashboardPort(int localPort);
}
