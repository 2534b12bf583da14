using CineSync.Database.Hosting;
using CineSync.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Grains.Data;

/// <summary>
/// The PostgreSQL data source for the grains, created on first use from the configured connection string or else from
/// the Database project's endpoint (which migrates before handing it out), so a silo can start before the database.
/// </summary>
internal sealed class GrainsDatabase(Func<CancellationToken, Task<string>> connectionString) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlDataSource? _dataSource;

    /// <summary>From options, falling back to <see cref="IDatabaseEndpoint"/>.</summary>
    public static GrainsDatabase FromServices(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CineSyncGrainsOptions>>();
        return new GrainsDatabase(ct => options.Value.ConnectionString is { } configured
            ? Task.FromResult(configured)
            : services.GetRequiredService<IDatabaseEndpoint>().GetConnectionStringAsync(ct));
    }

    /// <summary>The data source, waiting for the database when it is still starting.</summary>
    public ValueTask<NpgsqlDataSource> GetAsync(CancellationToken cancellationToken = default) =>
        _dataSource is { } ready ? ValueTask.FromResult(ready) : new ValueTask<NpgsqlDataSource>(CreateAsync(cancellationToken));

    /// <summary>Opens a connection.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var source = await GetAsync(cancellationToken).ConfigureAwait(false);
        return await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlDataSource> CreateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _dataSource ??= NpgsqlDataSource.Create(await connectionString(cancellationToken).ConfigureAwait(false));
            return _dataSource;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
