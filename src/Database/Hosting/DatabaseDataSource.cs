using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Database.Hosting;

/// <summary>
/// The process's one <see cref="NpgsqlDataSource"/> over the CineSync database, created once the database is ready
/// (the private server starts while the host starts) with the pool size and timeouts of the <c>Database</c> section.
/// Every store shares it; Orleans' ADO.NET providers, which accept only a connection string, get theirs from
/// <see cref="GetProviderConnectionStringAsync"/>, built from the same settings.
/// </summary>
public sealed class DatabaseDataSource(IDatabaseEndpoint endpoint, IOptions<DatabaseOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlDataSource? _dataSource;

    /// <summary>The data source, waiting for the database when it is still starting.</summary>
    public ValueTask<NpgsqlDataSource> GetAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _dataSource) is { } ready ? ValueTask.FromResult(ready) : new ValueTask<NpgsqlDataSource>(CreateAsync(cancellationToken));

    /// <summary>
    /// The connection string of Orleans' grain storage and membership: the database's, with <c>Database:MaxPoolSize</c>
    /// and, for <paramref name="smallStatements"/> (one grain's state row), <c>Database:Timeout</c> to connect and for
    /// each statement, so a write during an outage fails within seconds. Membership keeps Npgsql's connect and command
    /// timeouts: a silo must not fail to join a cluster because a busy machine was slow to open its first connection.
    /// </summary>
    public async Task<string> GetProviderConnectionStringAsync(bool smallStatements, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(await endpoint.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false))
        {
            MaxPoolSize = options.Value.MaxPoolSize,
        };
        if (smallStatements)
        {
            builder.Timeout = options.Value.TimeoutSeconds;
            builder.CommandTimeout = options.Value.TimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    private async Task<NpgsqlDataSource> CreateAsync(CancellationToken cancellationToken)
    {
        var connectionString = await endpoint.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_dataSource is null)
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString)
                {
                    Timeout = options.Value.TimeoutSeconds,
                    MaxPoolSize = options.Value.MaxPoolSize,
                };
                Volatile.Write(ref _dataSource, NpgsqlDataSource.Create(builder));
            }

            return _dataSource!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _dataSource, null) is { } dataSource)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
