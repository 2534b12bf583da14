using System.Net;
using System.Net.Sockets;

namespace CineSync.Testing;

/// <summary>Free loopback TCP ports for silos a test starts itself.</summary>
public static class FreePorts
{
    /// <summary>A port nothing listens on right now (the OS picks it; a race with another process is possible but rare).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
