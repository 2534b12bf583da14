using CineSync.Grains.Interfaces;

namespace CineSync.Silo.Hosting;

/// <summary>
/// The silo's settings, bound from the <c>Silo</c> section and mapped onto Orleans' own options, so several silos run
/// on one machine or many with nothing but configuration: <c>--Silo:ClusterId=demo --Silo:Name=b --Silo:Roles=model</c>.
/// Orleans' options stay reachable under <c>Orleans:*</c> (e.g. <c>Orleans:Membership:ProbeTimeout</c>,
/// <c>Orleans:Metadata:role</c>) for whoever knows them.
/// </summary>
internal sealed class CineSyncSiloOptions
{
    /// <summary>The configuration section holding these options.</summary>
    public const string SectionName = "Silo";

    /// <summary>The roles a silo has when none are configured: everything, as a single machine needs.</summary>
    public const string DefaultRoles = "model,taste";

    /// <summary>The silo's name in logs, the membership table and the dashboard. Default: the machine name.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>
    /// The cluster to join. Unset (default): a lone silo on loopback, no membership table. Set: the silo joins the
    /// cluster through the membership table in PostgreSQL, and the standalone bot finds it there.
    /// </summary>
    public string? ClusterId { get; set; }

    /// <summary>
    /// Roles, comma-separated, written into the silo's metadata as <c>role</c> unless <c>Orleans:Metadata:role</c> is
    /// set. <c>ModelGrain</c> workers run only on silos with <c>model</c>. Default <c>model,taste</c>.
    /// </summary>
    public string Roles { get; set; } = DefaultRoles;

    /// <summary>The address other silos and clients reach this one at. Default 127.0.0.1 (one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port cluster clients (the bot) connect to. Default 30000.</summary>
    public int GatewayPort { get; set; } = CineSyncCluster.DefaultGatewayPort;

    /// <summary>How long a grain call may take before it fails with a timeout (Orleans' default is 30 s). Default 5 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = CineSyncCluster.DefaultResponseTimeout;

    /// <summary>
    /// The address the HTTP endpoint (<c>/health</c>) listens on. Default <c>127.0.0.1</c>: loopback only. Ignored when
    /// <c>--urls</c> (or ASPNETCORE_URLS, or Kestrel:Endpoints) is given. The dashboard has its own endpoint (<c>Dashboard:*</c>).
    /// </summary>
    public string HttpAddress { get; set; } = "127.0.0.1";

    /// <summary>The HTTP port, distinct from <c>Dashboard:Port</c>. Default 5080; 0 picks a free port. Ignored when <c>--urls</c> is given.</summary>
    public int HttpPort { get; set; } = 5080;

    /// <summary>Whether this silo joins a multi-silo cluster through the membership table.</summary>
    public bool JoinsCluster => !string.IsNullOrWhiteSpace(ClusterId);

    /// <summary>The roles as a list.</summary>
    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
