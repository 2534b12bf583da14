using System.Net;

namespace CineSync.Runtime.Hosting;

/// <summary>Configuration of a silo.</summary>
public sealed class SiloOptions
{
    /// <summary>The silo's name in logs. Default: the machine name.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>Roles of this silo (for example <c>model</c>); grains marked <see cref="RequiredRoleAttribute"/> activate only where their role is present.</summary>
    public ISet<string> Roles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Port of the gateway clients connect to; null (default) for no gateway, 0 for any free port.</summary>
    public int? GatewayPort { get; set; }

    /// <summary>Address the gateway listens on. Default: loopback.</summary>
    public IPAddress GatewayAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Activations idle this long are deactivated. Default: 15 minutes.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default: 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A call not answered in this time fails with a <see cref="TimeoutException"/>. Default: 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Resolution of timeouts and idle ages (the runtime's clock tick). Default: 1 second.</summary>
    public TimeSpan ClockPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a call to an idle activation runs on the caller's thread (default) instead of being queued to the
    /// thread pool. Inline turns save a thread hop per call; callee work then delays the caller's thread.
    /// </summary>
    public bool AllowInlineTurns { get; set; } = true;

    /// <summary>How long graceful shutdown waits for activations to finish and deactivate. Default: 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The cluster this silo joins when a membership table is configured (<c>UseMembershipTable</c>). Default: <c>default</c>.</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>Port for silo-to-silo connections in a cluster; null or 0 (default) for any free port.</summary>
    public int? SiloPort { get; set; }

    /// <summary>Address the silo-to-silo listener binds to. Default: the <see cref="GatewayAddress"/>.</summary>
    public IPAddress? SiloListenAddress { get; set; }

    /// <summary>Address other silos and clients use to reach this silo, stored in the membership table. Default: the listen address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How often the silo heartbeats and reads the membership table. Default: 1 second.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A silo whose last heartbeat is older than this is left out of placement at once and declared dead by the
    /// next peer that reads the table. Default: 5 seconds (a killed silo's grains are callable again within ~7 s).
    /// </summary>
    public TimeSpan MemberDeathTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Dead membership rows are deleted after this long. Default: 1 day.</summary>
    public TimeSpan DefunctSiloRetention { get; set; } = TimeSpan.FromDays(1);

    internal void Validate()
    {
        if (IdleCollectionAge <= TimeSpan.Zero || CollectionQuantum <= TimeSpan.Zero || ResponseTimeout <= TimeSpan.Zero || ClockPeriod <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Silo time settings must be positive.");
        }

        if (GatewayPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Gateway port {GatewayPort} is out of range.");
        }

        if (SiloPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Silo port {SiloPort} is out of range.");
        }

        if (HeartbeatPeriod <= TimeSpan.Zero || MemberDeathTimeout <= HeartbeatPeriod || DefunctSiloRetention <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Membership times must be positive, with the death timeout longer than the heartbeat period.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            throw new InvalidOperationException("The cluster id must not be empty.");
        }
    }
}
