using CineSync.Runtime.Client;
using CineSync.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Runtime.Testing;

/// <summary>
/// Several silos in one process (separate hosts, real TCP on loopback) that join one cluster through the
/// PostgreSQL membership table, plus a cluster client that discovers their gateways from it. Silos can be
/// added, stopped gracefully or killed (sockets dropped, heartbeats stopped, nothing deactivated).
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<TestClusterSilo> _silos = [];
    private readonly string _connectionString;
    private readonly Action<TestClusterSilo, SiloBuilder>? _configure;
    private readonly Action<TestClusterSilo, SiloOptions>? _configureOptions;
    private ServiceProvider? _clientServices;

    private TestCluster(string connectionString, string clusterId, Action<TestClusterSilo, SiloBuilder>? configure, Action<TestClusterSilo, SiloOptions>? options)
    {
        _connectionString = connectionString;
        ClusterId = clusterId;
        _configure = configure;
        _configureOptions = options;
    }

    /// <summary>The cluster id in the membership table.</summary>
    public string ClusterId { get; }

    /// <summary>Every silo started, running or not, in start order.</summary>
    public IReadOnlyList<TestClusterSilo> Silos => _silos;

    /// <summary>A cluster client that finds gateways in the membership table.</summary>
    public IClusterClient Client { get; private set; } = null!;

    /// <summary>
    /// Starts <paramref name="siloCount"/> silos (named <c>silo0</c>, <c>silo1</c>, …; PostgreSQL storage "Default"
    /// unless <paramref name="configure"/> is given; heartbeat 250 ms, death timeout 2 s unless <paramref name="options"/>
    /// changes them) and a connected client. The database must have the schema applied.
    /// </summary>
    public static async Task<TestCluster> StartAsync(
        string connectionString,
        int siloCount,
        Action<TestClusterSilo, SiloBuilder>? configure = null,
        Action<TestClusterSilo, SiloOptions>? options = null,
        CancellationToken cancellationToken = default)
    {
        var cluster = new TestCluster(connectionString, $"test-{Guid.NewGuid():N}", configure, options);
        for (var i = 0; i < siloCount; i++)
        {
            await cluster.StartSiloAsync(cancellationToken).ConfigureAwait(false);
        }

        var services = new ServiceCollection();
        services.AddClusterClient(o =>
        {
            o.UseMembershipTable(connectionString, cluster.ClusterId);
            o.ReconnectDelay = TimeSpan.FromMilliseconds(100);
            o.ResponseTimeout = TimeSpan.FromSeconds(10);
        });
        cluster._clientServices = services.BuildServiceProvider();
        var client = cluster._clientServices.GetRequiredService<ClusterClient>();
        await client.Connect(cancellationToken).ConfigureAwait(false);
        cluster.Client = client;
        return cluster;
    }

    /// <summary>Starts one more silo and waits until it has joined.</summary>
    public async Task<TestClusterSilo> StartSiloAsync(CancellationToken cancellationToken = default)
    {
        var silo = new TestClusterSilo(this, $"silo{_silos.Count}");
        _silos.Add(silo);
        await silo.StartAsync(_connectionString, _configure, _configureOptions, cancellationToken).ConfigureAwait(false);
        return silo;
    }

    /// <summary>Waits until every running silo sees exactly the running silos as active (or fails after <paramref name="timeout"/>).</summary>
    public async Task WaitForStableViewAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var running = _silos.Where(s => s.IsRunning).Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (_silos.Where(s => s.IsRunning).All(s => s.ActiveSiloNames.SequenceEqual(running)))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Silos did not agree on membership [{string.Join(", ", running)}] within {timeout}.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the client and every silo.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_clientServices is not null)
        {
            await _clientServices.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync().ConfigureAwait(false);
        }
    }
}
