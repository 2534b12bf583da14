using CineSync.Runtime.Hosting;
using CineSync.Runtime.Invocation;
using CineSync.Runtime.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Runtime.Core;

/// <summary>The silo's machinery shared by its parts: options, grain types, catalog, clock and metrics.</summary>
internal sealed class SiloRuntime : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private RuntimeClock? _clock;
    private int _collectionTicks;

    public SiloRuntime(IServiceProvider services, IOptions<SiloOptions> options, SiloGrainAssemblies assemblies, ILogger<SiloRuntime> logger, TimeProvider timeProvider)
    {
        Options = options.Value;
        Options.Validate();
        Services = services;
        TimeProvider = timeProvider;
        Log = new RuntimeLog(logger);
        Metrics = new RuntimeMetrics(services.GetService<System.Diagnostics.Metrics.IMeterFactory>());
        foreach (var assembly in assemblies.Assemblies)
        {
            GrainRegistry.EnsureRegistered(assembly);
        }

        // Interfaces usually live in another assembly than the classes: load their proxies and call types
        // too, or requests arriving over the wire would name interfaces this process never registered.
        foreach (var grainInterface in GrainRegistry.GrainClasses.SelectMany(c => c.Interfaces).Distinct().ToList())
        {
            GrainRegistry.EnsureRegistered(grainInterface.Assembly);
        }

        Types = new GrainTypeManager(GrainRegistry.GrainClasses, Options.Roles.ToList(), Metrics);
        Metrics.AttachClasses(() => Types.Classes);
        Filters = services.GetServices<IIncomingGrainCallFilter>().ToArray();
        GrainFactory = new HostedGrainFactory(this);
        Catalog = new Catalog(this);
        AllowInlineTurns = Options.AllowInlineTurns;
    }

    public SiloOptions Options { get; }

    public string SiloName => Options.Name;

    public IServiceProvider Services { get; }

    public TimeProvider TimeProvider { get; }

    public RuntimeLog Log { get; }

    public RuntimeMetrics Metrics { get; }

    public GrainTypeManager Types { get; }

    public IIncomingGrainCallFilter[] Filters { get; }

    public HostedGrainFactory GrainFactory { get; }

    public Catalog Catalog { get; }

    public bool AllowInlineTurns { get; }

    public RuntimeClock Clock => _clock ?? throw new InvalidOperationException("The silo is not started.");

    public TimeSpan ResponseTimeout => Options.ResponseTimeout;

    public CancellationToken StoppingToken => _stopping.Token;

    public bool IsStopping { get; private set; }

    /// <summary>The cluster machinery; null for a silo without a membership table (single silo).</summary>
    public Cluster.SiloCluster? Cluster { get; set; }

    public void Start()
    {
        _collectionTicks = 0;
        _clock = new RuntimeClock(TimeProvider, Options.ClockPeriod, OnTick);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsStopping = true;
        Log.Stopping(SiloName);
        await Catalog.DeactivateAllAsync(Options.ShutdownTimeout, cancellationToken).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _clock?.Dispose();
    }

    public void Dispose()
    {
        _clock?.Dispose();
        _stopping.Dispose();
        Metrics.Dispose();
    }

    private void OnTick(int tick)
    {
        Catalog.CheckTimeouts(tick, Clock.TicksFor(Options.ResponseTimeout));
        Cluster?.CheckTimeouts(tick, Clock.TicksFor(Options.ResponseTimeout), Options.ResponseTimeout);
        if (++_collectionTicks >= Clock.TicksFor(Options.CollectionQuantum))
        {
            _collectionTicks = 0;
            Catalog.CollectIdle(tick, Clock.TicksFor(Options.IdleCollectionAge));
        }
    }
}

/// <summary>Assemblies whose grain classes the silo hosts (registered by <c>AddGrains</c>).</summary>
internal sealed class SiloGrainAssemblies
{
    public HashSet<System.Reflection.Assembly> Assemblies { get; } = [];
}
