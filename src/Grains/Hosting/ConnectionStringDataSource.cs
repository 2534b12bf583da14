using Npgsql;

namespace CineSync.Grains.Hosting;

/// <summary>
/// An <see cref="ICineSyncDataSource"/> over a known connection string, for work outside a silo (the <c>train</c>
/// command, a measurement over a database) and for hosts that reach PostgreSQL without the database layer.
/// </summary>
public sealed class ConnectionStringDataSource : ICineSyncDataSource, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the data source; nothing connects until first use.</summary>
    public ConnectionStringDataSource(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    public ValueTask<NpgsqlDataSource> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_dataSource);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
