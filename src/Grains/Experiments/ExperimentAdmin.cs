using CineSync.Grains.Catalogue;
using CineSync.Grains.Data;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using CineSync.Grains.OnlineMetrics;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Experiments;

/// <summary>
/// Experiments straight on the database, outside any silo (the silo's <c>experiment</c> command): the same rules as
/// <see cref="IExperimentGrain"/>. Running silos see a change within <see cref="ExperimentOptions.RefreshPeriod"/>, and a
/// promoted model at their next model check.
/// </summary>
public sealed class ExperimentAdmin : IAsyncDisposable
{
    private readonly ConnectionStringDataSource _source;
    private readonly ExperimentService _service;

    private ExperimentAdmin(string connectionString, ExperimentOptions? options)
    {
        _source = new ConnectionStringDataSource(connectionString);
        var database = new GrainsDatabase(_source);
        var time = TimeProvider.System;
        var catalogue = new CatalogueStore(database, time, Options.Create(new CineSyncGrainsOptions()));
        var metrics = new OnlineMetricsStore(database, catalogue, Options.Create(new OnlineMetricsOptions()));
        _service = new ExperimentService(new ExperimentStore(database), new ModelStore(database), metrics, Options.Create(options ?? new ExperimentOptions()), time);
    }

    /// <summary>Works on the database at <paramref name="connectionString"/>.</summary>
    public static ExperimentAdmin Open(string connectionString, ExperimentOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new ExperimentAdmin(connectionString, options);
    }

    /// <inheritdoc cref="IExperimentGrain.StartAsync"/>
    public Task<ExperimentView> StartAsync(ExperimentRequest request, CancellationToken cancellationToken = default) => _service.StartAsync(request, cancellationToken);

    /// <inheritdoc cref="IExperimentGrain.ListAsync"/>
    public Task<IReadOnlyList<ExperimentView>> ListAsync(CancellationToken cancellationToken = default) => _service.ListAsync(cancellationToken);

    /// <inheritdoc cref="IExperimentGrain.PromoteAsync"/>
    public Task<ExperimentView> PromoteAsync(int experimentId, CancellationToken cancellationToken = default) => _service.PromoteAsync(experimentId, cancellationToken);

    /// <inheritdoc cref="IExperimentGrain.StopAsync"/>
    public Task<ExperimentView> StopAsync(int experimentId, CancellationToken cancellationToken = default) => _service.StopAsync(experimentId, cancellationToken);

    /// <summary>Closes the database connections.</summary>
    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
