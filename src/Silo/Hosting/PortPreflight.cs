using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CineSync.Dashboard;
using Microsoft.AspNetCore.Hosting;

namespace CineSync.Silo.Hosting;

/// <summary>
/// Before anything starts (PostgreSQL, Orleans, the bot): is every port this silo listens on free? A second
/// <c>./run.sh</c> beside a running one is told which port is taken and which setting moves it, instead of a stack trace
/// from deep inside Kestrel or Orleans. A port taken between this check and the start still fails, just less kindly.
/// </summary>
internal static class PortPreflight
{
    /// <summary>The exit code of a silo that did not start because a port is taken (sysexits' EX_UNAVAILABLE).</summary>
    public const int PortTakenExitCode = 69;

    /// <summary>A sentence naming the first port in use and the setting that changes it; null when all are free.</summary>
    public static string? FindTakenPort(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var silo = configuration.GetSection(CineSyncSiloOptions.SectionName).Get<CineSyncSiloOptions>() ?? new CineSyncSiloOptions();
        var dashboard = configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        var listeners = new List<(string Address, int Port, string Setting, string What)>();

        // --urls and Kestrel:Endpoints bind what they say; only the silo's own setting is checked here.
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            listeners.Add((silo.HttpAddress, silo.HttpPort, "Silo:HttpPort", "the /health endpoint"));
        }

        if (dashboard.Enabled)
        {
            listeners.Add((dashboard.BindAddress, dashboard.Port, "Dashboard:Port", "the dashboard"));
        }

        listeners.Add((silo.AdvertisedAddress, silo.SiloPort, "Silo:SiloPort", "silo-to-silo traffic"));
        listeners.Add((silo.AdvertisedAddress, silo.GatewayPort, "Silo:GatewayPort", "the gateway the bot connects to"));
        foreach (var (address, port, setting, what) in listeners)
        {
            if (port > 0 && IsTaken(address, port))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"CineSync cannot start: port {port} on {address} ({setting}, {what}) is already in use. Is CineSync already running? Stop it, or give this one other ports, e.g. ./run.sh --{setting}={port + 1} (the ports are Silo:HttpPort 5080, Dashboard:Port 8450, Silo:SiloPort 11111 and Silo:GatewayPort 30000 by default).");
            }
        }

        return null;
    }

    private static bool IsTaken(string address, int port)
    {
        var ip = string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(address, out var parsed) ? parsed : IPAddress.Any;
        try
        {
            using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };
            probe.Bind(new IPEndPoint(ip, port));
            probe.Listen();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (an address this machine does not have): the real start reports it.
            return false;
        }
    }
}
