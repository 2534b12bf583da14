using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CineSync.Grains.Data;

/// <summary>
/// The grains' way to PostgreSQL: the host's one data source (<see cref="ICineSyncDataSource"/>, which may still be
/// starting when a silo starts), with outages turned into what the user reads. Statements a user waits for time out
/// after the data source's connect timeout (<see cref="InteractiveCommandTimeout"/>, <c>Database:Timeout</c> in a
/// silo): while PostgreSQL is down or restarting a user reads "try again in a moment" within seconds instead of waiting
/// out Npgsql's 30 s command default.
/// </summary>
internal sealed partial class GrainsDatabase(ICineSyncDataSource source, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private NpgsqlDataSource? _dataSource;
    private int _timeoutSeconds = 1;
    private int _unreachable;

    /// <summary>
    /// The command timeout, in seconds, of statements a user waits for (ratings, feedback, their own rows): the data
    /// source's connect timeout, known once a connection has been opened.
    /// </summary>
    public int InteractiveCommandTimeout => _timeoutSeconds;

    /// <summary>Runs <paramref name="work"/>, turning a failure to reach the database into <see cref="Unavailable"/>.</summary>
    public async Task<T> GuardAsync<T>(string message, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
        {
            throw Unavailable(ex, message);
        }
    }

    /// <summary>Runs <paramref name="work"/>, turning a failure to reach the database into <see cref="Unavailable"/>.</summary>
    public Task GuardAsync(string message, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return GuardAsync(message, async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>
    /// Turns a failure to reach the database into what the user reads, and clears the connection pools: after a
    /// restart every pooled connection is dead, and handing them out one by one would fail as many more requests.
    /// The cause is logged here (once per outage) and not attached: Npgsql's exceptions have no Orleans codec.
    /// </summary>
    public StorageUnavailableException Unavailable(Exception exception, string message)
    {
        _dataSource?.Clear();
        NpgsqlConnection.ClearAllPools();
        if (Interlocked.Exchange(ref _unreachable, 1) == 0)
        {
            LogUnreachable(_logger, exception);
        }

        return new StorageUnavailableException(message);
    }

    /// <summary>The data source, waiting for the database when it is still starting.</summary>
    public ValueTask<NpgsqlDataSource> GetAsync(CancellationToken cancellationToken = default) =>
        _dataSource is { } ready ? ValueTask.FromResult(ready) : new ValueTask<NpgsqlDataSource>(FirstGetAsync(cancellationToken));

    /// <summary>Opens a connection.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var source = await GetAsync(cancellationToken).ConfigureAwait(false);
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _unreachable) == 1 && Interlocked.Exchange(ref _unreachable, 0) == 1)
        {
            LogReachable(_logger);
        }

        return connection;
    }

    private async Task<NpgsqlDataSource> FirstGetAsync(CancellationToken cancellationToken)
    {
        var dataSource = await source.GetAsync(cancellationToken).ConfigureAwait(false);
        _timeoutSeconds = Math.Max(1, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Timeout);
        Volatile.Write(ref _dataSource, dataSource);
        return dataSource;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL cannot be reached; writes are refused with \"try again in a moment\" until it answers")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL answers again")]
    private static partial void LogReachable(ILogger logger);
}
