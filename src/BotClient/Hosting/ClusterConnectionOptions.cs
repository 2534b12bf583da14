using System.Net;

namespace CineSync.BotClient.Hosting;

/// <summary>Where the bot finds the cluster (section <c>Cluster</c>).</summary>
public sealed class ClusterConnectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cluster";

    /// <summary>Silo gateways, comma-separated <c>host:port</c>. Default <c>127.0.0.1:30000</c>.</summary>
    public string Gateway { get; set; } = "127.0.0.1:30000";

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
}
