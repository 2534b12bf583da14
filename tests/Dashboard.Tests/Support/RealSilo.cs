using System.Globalization;
using CineSync.Silo.Hosting;
using CineSync.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>
/// The real silo host (<see cref="CineSyncSiloApplication"/>, what <c>Program.cs</c> runs) on real sockets, over a test
/// database, on free ports: HTTP, dashboard, silo and gateway.
/// </summary>
internal sealed class RealSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RealSilo(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>The dashboard endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri DashboardAddress => Services.GetRequiredService<ISiloDashboard>().BaseAddress ?? throw new InvalidOperationException("The dashboard endpoint is not bound.");

    /// <summary>The silo's HTTP endpoint (the one serving <c>/health</c>).</summary>
    public Uri HttpAddress
    {
        get
        {
            var dashboard = Services.GetRequiredService<ISiloDashboard>();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.Select(a => new Uri(a)).First(a => !dashboard.IsDashboardPort(a.Port));
        }
    }

    /// <summary>The silo's own grain factory: calls made through it are real grain calls in this cluster.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's name in the membership.</summary>
    public string Name => Services.GetRequiredService<ILocalSiloDetails>().Name;

    /// <summary>Starts a silo over <paramref name="connectionString"/>; <paramref name="settings"/> are more <c>--Key=value</c> arguments (later ones win).</summary>
    public static async Task<RealSilo> StartAsync(string connectionString, params string[] settings)
    {
        string[] args =
        [
            $"--ConnectionStrings:CineSync={connectionString}",
            "--Data:ImportWhenEmpty=false",
            $"--Silo:SiloPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Silo:GatewayPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            "--Silo:HttpPort=0",
            "--Dashboard:Port=0",
            "--Logging:LogLevel:Default=Warning",
            // The 5 s production timeout is for a healthy silo; a test on a machine kept busy by other work waits longer
            // rather than fail a call that is merely slow.
            "--Silo:ResponseTimeout=00:00:30",
            .. settings,
        ];
        var app = CineSyncSiloApplication.Build(args);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RealSilo(app);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
