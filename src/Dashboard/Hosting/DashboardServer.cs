using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Logging;
using CineSync.Dashboard.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// Runs the dashboard on its own Kestrel listener (<see cref="DashboardOptions.BindAddress"/>:<see cref="DashboardOptions.Port"/>),
/// apart from the silo's other endpoints, so that its address and its token check cannot be bypassed by
/// the silo's own pipeline.
/// </summary>
internal sealed partial class DashboardServer(
    IOptions<DashboardOptions> options,
    ILoggerFactory loggerFactory,
    SiloStatsCollector collector,
    ClusterView cluster,
    LogTail logs,
    EmbeddedAssets assets) : IHostedService, ISiloDashboard, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DashboardServer>();
    private WebApplication? _app;

    public Uri? BaseAddress { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        BindAddress.TryParse(settings.BindAddress, out var address); // validated at start
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, settings.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(new QuietLoggerFactory(loggerFactory)));
        var app = builder.Build();
        app.UseMiddleware<AccessTokenMiddleware>(settings.AccessToken ?? string.Empty);
        app.UseRouting();
        DashboardEndpoints.Map(app, collector, cluster, logs, assets, app.Lifetime.ApplicationStopping);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        BaseAddress = bound is null ? null : new Uri(bound.EndsWith('/') ? bound : bound + "/");
        collector.DashboardUrl = BaseAddress;
        LogListening(_logger, BaseAddress?.ToString() ?? "(unknown)", settings.AccessToken is { Length: > 0 } ? "required" : "not required (loopback only)");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo dashboard listening on {Url}dashboard/ (access token {TokenPolicy})")]
    private static partial void LogListening(ILogger logger, string url, string tokenPolicy);
}
