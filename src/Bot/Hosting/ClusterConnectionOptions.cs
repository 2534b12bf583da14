using System.Net;
using CineSync.Grains.Interfaces;

namespace CineSync.Bot.Hosting;

/// <summary>Where the standalone bot finds the cluster (section <c>Cluster</c>).</summary>
public sealed class ClusterConnectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cluster";

    /// <summary>
    /// The cluster to join; with a connection string (<c>ConnectionStrings:CineSync</c>) the bot reads the live gateways
    /// from the silos' membership table in PostgreSQL. Default <c>cinesync</c>, the id of a lone silo.
    /// </summary>
    public string ClusterId { get; set; } = CineSyncCluster.DefaultClusterId;

    /// <summary>
    /// Silo gateways, comma-separated <c>host:port</c>, used when no connection string is configured. Default
    /// <c>127.0.0.1:30000</c>.
    /// </summary>
    public string Gateway { get; set; } = $"127.0.0.1:{CineSyncCluster.DefaultGatewayPort}";

    /// <summary>How long a grain call may take before the user is told to try again. Default 5 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = CineSyncCluster.DefaultResponseTimeout;

    /// <summary>How long to wait between attempts to reach the cluster while no silo is up. Default 2 s.</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    internal IReadOnlyList<IPEndPoint> ParseGateways()
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var part in Gateway.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = part.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + part["localhost".Length..] : part;
            endpoints.Add(IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port != 0
                ? endpoint
                : throw new InvalidOperationException($"Cluster:Gateway '{part}' is not an IP endpoint like 127.0.0.1:30000."));
        }

        return endpoints.Count > 0 ? endpoints : throw new InvalidOperationException("Cluster:Gateway names no gateway.");
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            throw new InvalidOperationException("Cluster:ClusterId must not be empty.");
        }

        if (ResponseTimeout <= TimeSpan.Zero || ConnectRetryDelay <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Cluster:ResponseTimeout and Cluster:ConnectRetryDelay must be positive.");
        }
    }
}
