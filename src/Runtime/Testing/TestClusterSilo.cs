using System.Net;
using CineSync.Runtime.Core;
using CineSync.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CineSync.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>.</summary>
public sealed class TestClusterSilo : IAsyncDisposable
{
    private IHost? _host;
    private IHost? _killedHost;

    internal TestClusterSilo(TestCluster cluster, string name)
    {
        Cluster = cluster;
        Name = name;
    }

    /// <summary>The cluster the silo belongs to.</summary>
    public TestCluster Cluster { get; }

    /// <summary>The silo's name (<c>silo0</c>, …).</summary>
    public string Name { get; }

    /// <summary>Whether the silo runs (not stopped or killed).</summary>
    public bool IsRunning => _host is not null;

    /// <summary>The running silo's services.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException($"Silo {Name} is not running.");

    /// <summary>The silo's hosted grain factory.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The gateway endpoint.</summary>
    public IPEndPoint GatewayEndPoint => (IPEndPoint)Services.GetRequiredService<SiloHostedService>().GatewayEndPoint!;

    /// <summary>Live activations of grain type <paramref name="grainType"/> (all types when null) in this silo.</summary>
    public int ActivationCount(string? grainType = null) =>
        Services.GetRequiredService<SiloRuntime>().Catalog.All.Count(a => grainType is null || a.ClassInfo.GrainType == grainType);

    /// <summary>Names of the silos this silo currently places grains on, sorted.</summary>
    public IReadOnlyList<string> ActiveSiloNames =>
        Services.GetRequiredService<SiloRuntime>().Cluster?.Membership.PlacementView.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList() ?? [];

    /// <summary>Stops the silo gracefully: it leaves placement, deactivates and persists its grains, then leaves membership.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var host = _host;
        _host = null;
        if (host is not null)
        {
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            host.Dispose();
        }
    }

    /// <summary>Kills the silo: connections dropped, heartbeats stopped, no deactivation; peers must detect it.</summary>
    public async Task KillAsync()
    {
        var host = _host;
        _host = null;
        if (host is not null)
        {
            await host.Services.GetRequiredService<SiloHostedService>().KillAsync().ConfigureAwait(false);
            _killedHost = host;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_killedHost is not null)
        {
            if (_killedHost is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                _killedHost.Dispose();
            }

            _killedHost = null;
        }
    }

    internal async Task StartAsync(string connectionString, Action<TestClusterSilo, SiloBuilder>? configure, Action<TestClusterSilo, SiloOptions>? configureOptions, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var silo = builder.Services.AddSilo(o =>
        {
            o.Name = Name;
            o.ClusterId = Cluster.ClusterId;
            o.GatewayPort = 0;
            o.SiloPort = 0;
            o.HeartbeatPeriod = TimeSpan.FromMilliseconds(250);
            o.MemberDeathTimeout = TimeSpan.FromSeconds(2);
            o.ShutdownTimeout = TimeSpan.FromSeconds(10);
            configureOptions?.Invoke(this, o);
        });
        silo.UseMembershipTable(connectionString);
        if (configure is null)
        {
            silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, connectionString);
        }
        else
        {
            configure(this, silo);
        }

        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        _host = host;
    }
}
