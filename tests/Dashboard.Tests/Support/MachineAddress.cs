using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>This machine's own non-loopback addresses: connecting to one from here arrives from that address, not from loopback.</summary>
internal static class MachineAddress
{
    /// <summary>An IPv4 address of an interface that is up and not loopback, or null when the machine has none.</summary>
    public static IPAddress? NonLoopback() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
