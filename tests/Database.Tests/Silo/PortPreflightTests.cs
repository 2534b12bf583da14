using System.Net;
using System.Net.Sockets;
using CineSync.Silo.Hosting;
using CineSync.Testing;
using Microsoft.Extensions.Configuration;

namespace CineSync.Database.Tests.Silo;

/// <summary>A second silo on ports a running one holds is told which port and which setting, before it starts anything.</summary>
public sealed class PortPreflightTests
{
    [Fact]
    public void A_taken_http_port_is_named_with_the_setting_that_moves_it()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var message = PortPreflight.FindTakenPort(Configuration(port));

        Assert.NotNull(message);
        Assert.Contains($"port {port}", message, StringComparison.Ordinal);
        Assert.Contains("Silo:HttpPort", message, StringComparison.Ordinal);
        Assert.Contains($"--Silo:HttpPort={port + 1}", message, StringComparison.Ordinal);
        Assert.Contains("already running", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_ports_pass()
    {
        Assert.Null(PortPreflight.FindTakenPort(Configuration(FreePorts.Next())));
    }

    private static IConfiguration Configuration(int httpPort) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Silo:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dashboard:Port"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Silo:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Silo:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).Build();
}
