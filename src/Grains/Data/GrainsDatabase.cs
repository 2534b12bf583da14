using CineSync.Database.Hosting;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Grains.Data;

/// <summary>
/// The PostgreSQL data source for the grains, created on first use from the configured connection string or else from
/// the Database project's endpoint (which migrates before handing it out), so a silo can start before the database.
/// Connecting gives up after <see cref="CineSyncGrainsOptions.DatabaseTimeout"/>, and so do the statements a user waits
/// for (<see cref="InteractiveCommandTimeout"/>): while PostgreSQL is down or restarting a user reads "try again in a
/// moment" within seconds instead of waiting out Npgsql's 15 s connect and 30 s command defaults.
/// </summary>
internal sealed partial class GrainsDatabase(Func<CancellationToken, Task<string>> connectionString, TimeSpan? timeout = null, ILogger? logger = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _timeoutSeconds = TimeoutSeconds(timeout ?? CineSyncGrainsOptions.DefaultDatabaseTimeout);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private NpgsqlDataSource? _dataSource;
    private int _unreachable;

    /// <summary>The command timeout, in seconds, of statements a user waits for (ratings, feedback, their own rows).</summary>
    public int InteractiveCommandTimeout => _timeoutSeconds;

    /// <summary>From options, falling back to <see cref="IDatabaseEndpoint"/>.</summary>
    public static GrainsDatabase FromServices(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CineSyncGrainsOptions>>();
        return new GrainsDatabase(
            ct => options.Value.ConnectionString is { } configured
                ? Task.FromResult(configured)
                : services.GetRequiredService<IDatabaseEndpoint>().GetConnectionStringAsync(ct),
            options.Value.DatabaseTimeout,
            services.GetRequiredService<ILogger<GrainsDatabase>>());
    }

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
        _dataSource is { } ready ? ValueTask.FromResult(ready) : new ValueTask<NpgsqlDataSource>(CreateAsync(cancellationToken));

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

    private async Task<NpgsqlDataSource> CreateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_dataSource is null)
            {
                var builder = new NpgsqlConnectionStringBuilder(await connectionString(cancellationToken).ConfigureAwait(false)) { Timeout = _timeoutSeconds };
                _dataSource = NpgsqlDataSource.Create(builder);
            }

            return _dataSource;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Npgsql counts timeouts in whole seconds; zero would mean "wait for ever".
    internal static int TimeoutSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL cannot be reached; writes are refused with \"try again in a moment\" until it answers")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL answers again")]
    private static partial void LogReachable(ILogger logger);

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
