namespace CineSync.Dashboard;

/// <summary>The running dashboard listener of this silo.</summary>
public interface ISiloDashboard
{
    /// <summary>
    /// The base address the dashboard answers on (for example <c>http://10.0.0.5:8450/</c>), or <c>null</c>
    /// before the host has started. The silo publishes it in the membership table so peers can reach it.
    /// </summary>
    Uri? BaseAddress { get; }
}
