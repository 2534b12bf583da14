using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// Adds the dashboard endpoint (<see cref="DashboardOptions.BindAddress"/>:<see cref="DashboardOptions.Port"/>) to the
/// silo's own Kestrel server, beside its HTTP endpoint, and afterwards tells which connections arrived on it. Under a
/// server that is not Kestrel (ASP.NET's TestServer) nothing is bound, and no connection is a dashboard connection.
/// </summary>
internal sealed class DashboardListener(IOptions<DashboardOptions> options) : ISiloDashboard, IConfigureOptions<KestrelServerOptions>
{
    private ListenOptions? _listen;

    public Uri? BaseAddress => _listen?.IPEndPoint is { Port: > 0 } bound
        ? new Uri($"http://{Format(bound.Address)}:{bound.Port}/")
        : null;

    public void Configure(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (!BindAddress.TryParse(settings.BindAddress, out var address))
        {
            throw new OptionsValidationException(DashboardOptions.SectionName, typeof(DashboardOptions), [$"Dashboard:BindAddress '{settings.BindAddress}' is not an IP address, 'localhost' or '*'."]);
        }

        // Kestrel writes the bound port back into these options, so port 0 is known once the server has started.
        kestrel.Listen(address, settings.Port, listen => _listen = listen);
    }

    public bool IsDashboardPort(int localPort) => _listen?.IPEndPoint is { Port: > 0 } bound && bound.Port == localPort;

    private static string Format(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
