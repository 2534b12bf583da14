namespace CineSync.Dashboard;

/// <summary>
/// Settings of the silo's dashboard endpoint (section <c>Dashboard</c>). Validated when the host starts: a dashboard
/// bound to anything but a loopback address refuses to start without an <see cref="AccessToken"/>.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section holding these options.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>Whether the silo listens for the dashboard at all (its own and Orleans'). Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The address the dashboard endpoint listens on: an IP literal, <c>localhost</c>, or <c>*</c> for every interface.
    /// Default <c>127.0.0.1</c> (loopback only, token optional).
    /// </summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port, distinct from <c>Silo:HttpPort</c>; <c>0</c> picks a free one (see <see cref="ISiloDashboard.BaseAddress"/>). Default 8450.</summary>
    public int Port { get; set; } = 8450;

    /// <summary>
    /// The access token, at least 16 characters. Required when <see cref="BindAddress"/> is not loopback. When set, every
    /// dashboard request must carry it, from any address: <c>Authorization: Bearer &lt;token&gt;</c>, or the HttpOnly
    /// cookie that opening <c>/dashboard/?token=&lt;token&gt;</c> once sets. When not set, only loopback clients are
    /// served. Default none.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>How long the page waits for one silo's facts before showing it unreachable. Default 2 s.</summary>
    public TimeSpan SiloTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the page waits for each part of the model-quality view (online metrics, experiments, drift, retraining). Default 10 s.</summary>
    public TimeSpan QualityTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
