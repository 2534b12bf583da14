using System.Net;
using CineSync.Runtime.Client;
using CineSync.Runtime.Core;
using CineSync.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CineSync.Runtime.Testing;

/// <summary>
/// An in-process silo with a gateway on a free loopback port and a cluster client connected to it, started
/// in one line (like Orleans' TestingHost). The silo can be stopped and restarted on the same port while
/// the client lives on.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly Action<SiloBuilder>? _configure;
    private readonly Action<SiloOptions>? _configureOptions;
    private readonly TimeProvider? _timeProvider;
    private int _port;
    private IHost? _host;
    private ServiceProvider? _clientServices;

    private TestSilo(Action<SiloBuilder>? configure, Action<SiloOptions>? configureOptions, TimeProvider? timeProvider)
    {
        _configure = configure;
        _configureOptions = configureOptions;
        _timeProvider = timeProvider;
    }

    /// <summary>The silo's hosted grain factory (calls are never serialised).</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A cluster client connected to the silo's gateway over TCP.</summary>
    public IClusterClient Client { get; private set; } = null!;

    /// <summary>The running silo's services.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The silo is stopped.");

    /// <summary>The gateway's endpoint.</summary>
    public IPEndPoint GatewayEndPoint => new(IPAddress.Loopback, _port);

    /// <summary>Live activations in the silo.</summary>
    public int ActivationCount => Services.GetRequiredService<SiloRuntime>().Catalog.All.Count();

    /// <summary>Starts a silo (memory storage "Default" unless configured) and a connected client.</summary>
    /// <param name="configure">Adds grains, storage and filters.</param>
    /// <param name="options">Adjusts silo options.</param>
    /// <param name="timeProvider">The silo's clock (for example a <see cref="ManualTimeProvider"/>).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<TestSilo> StartAsync(Action<SiloBuilder>? configure = null, Action<SiloOptions>? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var silo = new TestSilo(configure, options, timeProvider);
        await silo.StartSiloAsync(cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection();
        services.AddClusterClient(o =>
        {
            o.Gateways.Add(silo.GatewayEndPoint);
            o.ReconnectDelay = TimeSpan.FromMilliseconds(100);
        });
        silo._clientServices = services.BuildServiceProvider();
        var client = silo._clientServices.GetRequiredService<ClusterClient>();
        await client.Connect(cancellationToken).ConfigureAwait(false);
        silo.Client = client;
        return silo;
    }

    /// <summary>Starts the silo (again), on the same gateway port as before.</summary>
    public async Task StartSiloAsync(CancellationToken cancellationToken = default)
    {
        if (_host is not null)
        {
            throw new InvalidOperationException("The silo is already running.");
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (_timeProvider is not null)
        {
            builder.Services.AddSingleton(_timeProvider);
        }

        var silo = builder.Services.AddSilo(o =>
        {
            o.Name = "test-silo";
            o.GatewayPort = _port;
            _configureOptions?.Invoke(o);
        });
        if (_configure is null)
        {
            silo.AddMemoryGrainStorage();
        }
        else
        {
            _configure(silo);
        }

        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        _port = ((IPEndPoint)host.Services.GetRequiredService<SiloHostedService>().GatewayEndPoint!).Port;
        _host = host;
    }

    /// <summary>Stops the silo gracefully (turns finish, grains deactivate); the client stays and reconnects later.</summary>
    public async Task StopSiloAsync(CancellationToken cancellationToken = default)
    {
        var host = _host;
        _host = null;
        if (host is not null)
        {
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            host.Dispose();
        }
    }

    /// <summary>Stops the client and the silo.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_clientServices is not null)
        {
            await _clientServices.DisposeAsync().ConfigureAwait(false);
        }

        await StopSiloAsync().ConfigureAwait(false);
    }
}
