using CineSync.Dashboard.Access;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Dashboard.Hosting;

/// <summary>Once the server listens, logs where the dashboard is and whether it wants a token.</summary>
internal sealed partial class DashboardReadyAnnouncer(
    ISiloDashboard dashboard,
    DashboardAccessPolicy access,
    IHostApplicationLifetime lifetime,
    ILogger<DashboardReadyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        if (dashboard.BaseAddress is { } address)
        {
            var root = new Uri(address, DashboardPaths.Root.TrimStart('/') + "/");
            var orleans = new Uri(address, DashboardPaths.Orleans.TrimStart('/') + "/");
            LogListening(logger, root, orleans, access.RequiresToken ? "access token required" : "loopback clients only, no token configured");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CineSync dashboard: {Url} (Orleans dashboard: {OrleansUrl}; {Access})")]
    private static partial void LogListening(ILogger logger, Uri url, Uri orleansUrl, string access);
}
