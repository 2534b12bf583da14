using System.Net;
using CineSync.Dashboard;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CineSync.Silo.Hosting;

/// <summary>
/// The silo's HTTP endpoint (<c>/health</c>) on Kestrel, beside the dashboard endpoint the dashboard adds. Both are
/// <c>Listen</c> calls, because Kestrel ignores <c>--urls</c> as soon as code listens anywhere: so the addresses of
/// <c>--urls</c> (or ASPNETCORE_URLS), when given, are listened on here instead of <c>Silo:HttpAddress:Silo:HttpPort</c>.
/// </summary>
/// <param name="urls">The <c>urls</c> setting captured (and then cleared) while the host was built; null when none was given.</param>
internal sealed class SiloHttpListener(string? urls, IOptions<CineSyncSiloOptions> silo, IOptions<DashboardOptions> dashboard) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ports = urls is null ? ListenConfigured(options) : ListenOnUrls(options, urls);
        var settings = dashboard.Value;
        if (settings.Enabled && settings.Port != 0 && ports.Contains(settings.Port))
        {
            // Dashboard routes are told apart by the local port; one port for both would make the HTTP endpoint a dashboard one.
            throw new OptionsValidationException(CineSyncSiloOptions.SectionName, typeof(CineSyncSiloOptions), [$"The silo's HTTP port and Dashboard:Port must differ (both {settings.Port})."]);
        }
    }

    private List<int> ListenConfigured(KestrelServerOptions options)
    {
        var settings = silo.Value;
        if (string.Equals(settings.HttpAddress, "localhost", StringComparison.OrdinalIgnoreCase) && settings.HttpPort != 0)
        {
            options.ListenLocalhost(settings.HttpPort);
        }
        else
        {
            // Kestrel cannot pick a free port for "localhost" (two sockets); IPv4 loopback is what a test asking for 0 means.
            options.Listen(IPAddress.TryParse(settings.HttpAddress, out var address) ? address : IPAddress.Loopback, settings.HttpPort);
        }

        return [settings.HttpPort];
    }

    /// <summary>Listens on each address as Kestrel itself would: localhost on both loopbacks, an IP on it, any other host on every interface.</summary>
    private static List<int> ListenOnUrls(KestrelServerOptions options, string urls)
    {
        var ports = new List<int>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var binding = BindingAddress.Parse(url);
            var https = string.Equals(binding.Scheme, "https", StringComparison.OrdinalIgnoreCase);
            Action<ListenOptions> configure = https ? l => l.UseHttps() : _ => { };
            if (binding.IsUnixPipe)
            {
                options.ListenUnixSocket(binding.UnixPipePath, configure);
                continue;
            }

            if (string.Equals(binding.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                options.ListenLocalhost(binding.Port, configure);
            }
            else if (IPAddress.TryParse(binding.Host, out var address))
            {
                options.Listen(address, binding.Port, configure);
            }
            else
            {
                options.ListenAnyIP(binding.Port, configure);
            }

            ports.Add(binding.Port);
        }

        return ports;
    }
}
