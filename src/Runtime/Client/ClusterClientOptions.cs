using System.Net;

namespace CineSync.Runtime.Client;

/// <summary>Configuration of a cluster client.</summary>
public sealed class ClusterClientOptions
{
    /// <summary>Silo gateways to connect to, tried in order.</summary>
    public IList<IPEndPoint> Gateways { get; } = [];

    /// <summary>A call not answered in this time fails with a <see cref="TimeoutException"/>. Default: 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay between reconnection attempts after the gateway connection is lost. Default: 1 second.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the hosted client connects when the host starts (retrying in the background). Default: true.</summary>
    public bool ConnectOnStart { get; set; } = true;

    /// <summary>The cluster whose gateways are read from the membership table (see <see cref="UseMembershipTable(string, string)"/>).</summary>
    public string? ClusterId { get; set; }

    /// <summary>Resolves the membership table's connection string; null when gateways are only configured in <see cref="Gateways"/>.</summary>
    public Func<CancellationToken, Task<string>>? MembershipConnectionString { get; set; }

    /// <summary>
    /// Discovers gateways from the PostgreSQL membership table of <paramref name="clusterId"/>: the active silos
    /// with a gateway, re-read at every (re)connection, so a client moves to a live gateway when its own dies.
    /// </summary>
    public ClusterClientOptions UseMembershipTable(string connectionString, string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return UseMembershipTable(_ => Task.FromResult(connectionString), clusterId);
    }

    /// <summary>Discovers gateways from the membership table; the connection string is resolved when connecting.</summary>
    public ClusterClientOptions UseMembershipTable(Func<CancellationToken, Task<string>> connectionString, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        MembershipConnectionString = connectionString;
        ClusterId = clusterId;
        return this;
    }

    internal bool HasGatewaySource => Gateways.Count > 0 || MembershipConnectionString is not null;

    /// <summary>The client's name, sent to the gateway. Default: the process name.</summary>
    public string Name { get; set; } = Environment.ProcessPath is { } path ? Path.GetFileNameWithoutExtension(path) : "client";
}
