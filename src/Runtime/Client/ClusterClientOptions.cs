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

    /// <summary>The client's name, sent to the gateway. Default: the process name.</summary>
    public string Name { get; set; } = Environment.ProcessPath is { } path ? Path.GetFileNameWithoutExtension(path) : "client";
}
