using CineSync.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CineSync.Silo.Hosting;

/// <summary>Once the web server listens, logs the line a person (or a script) waits for: the /health URL.</summary>
internal sealed partial class SiloReadyAnnouncer(IServer server, ISiloDashboard dashboard, IHostApplicationLifetime lifetime, ILogger<SiloReadyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        foreach (var address in addresses ?? [])
        {
            // The dashboard endpoint announces itself; /health is not served there.
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && dashboard.IsDashboardPort(uri.Port))
            {
                continue;
            }

            Log.Up(logger, address.TrimEnd('/') + SiloEndpoints.HealthPath);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "CineSync silo is up: {HealthUrl}")]
        public static partial void Up(ILogger logger, string healthUrl);
    }
}
