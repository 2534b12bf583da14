using System.Net;

namespace CineSync.Dashboard.Hosting;

/// <summary>Parses <see cref="DashboardOptions.BindAddress"/>.</summary>
internal static class BindAddress
{
    public static bool TryParse(string? text, out IPAddress address)
    {
        switch (text?.Trim())
        {
            case null or "":
                address = IPAddress.None;
                return false;
            case "localhost":
                address = IPAddress.Loopback;
                return true;
            case "*" or "+":
                address = IPAddress.IPv6Any;
                return true;
            case var literal:
                return IPAddress.TryParse(literal.Trim('[', ']'), out address!);
        }
    }

    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address);
}
