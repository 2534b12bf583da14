namespace CineSync.Dashboard;

/// <summary>
/// Settings of the silo dashboard. Validated when the host starts: a dashboard bound to anything
/// but a loopback address refuses to start without an <see cref="AccessToken"/>.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>Whether the dashboard listener runs at all. Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The address the dashboard listens on: an IP literal, <c>localhost</c>, or <c>*</c> for every
    /// interface. Default <c>127.0.0.1</c> (loopback only, token optional).
    /// </summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; <c>0</c> picks a free one (see <see cref="ISiloDashboard.BaseAddress"/>). Default 8450.</summary>
    public int Port { get; set; } = 8450;

    /// <summary>
    /// The access token. Required when <see cref="BindAddress"/> is not loopback; when set, every request
    /// must carry it as <c>Authorization: Bearer &lt;token&gt;</c>, as a <c>?token=</c> query (which sets an
    /// HttpOnly cookie for the browser) or as that cookie. All silos of a cluster share it, because the
    /// cluster views forward it to peers. At least 16 characters. Default none.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>This silo's name as it appears in the membership view. Default the machine name.</summary>
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>This silo's roles, shown when no membership view is registered. Default none.</summary>
    public IList<string> Roles { get; } = new List<string>();

    /// <summary>How long a cluster view waits for a peer's snapshot before showing it unreachable. Default 1.5 s.</summary>
    public TimeSpan PeerTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How many log lines the live log tail keeps. Default 1000.</summary>
    public int LogCapacity { get; set; } = 1000;

    /// <summary>The lowest level the live log tail keeps. Default <see cref="Microsoft.Extensions.Logging.LogLevel.Information"/>.</summary>
    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>
    /// When set, only meters whose <see cref="System.Diagnostics.Metrics.Meter.Scope"/> is this object are read.
    /// Lets several silos (or tests) share one process without mixing their figures. Default none: every meter
    /// with the contract's name is read.
    /// </summary>
    public object? MeterScope { get; set; }
}
