using CineSync.Database.Migrations;
using CineSync.Database.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Database.Hosting;

/// <summary>
/// Resolves the database once: the configured server, or a private server started in the data
/// folder; then migrates it. Stops the private server again when asked, if this process started it.
/// </summary>
internal sealed partial class DatabaseEndpoint(IOptions<DatabaseOptions> options, ILogger<DatabaseEndpoint> logger)
    : IDatabaseEndpoint, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task<string>? _ready;
    private string? _connectionString;
    private EmbeddedPostgres? _server;

    public bool IsReady => _ready is { IsCompletedSuccessfully: true };

    public string ConnectionString => IsReady && Volatile.Read(ref _connectionString) is { } ready
        ? ready
        : throw new InvalidOperationException("The database is not ready yet: await IDatabaseEndpoint.GetConnectionStringAsync first.");

    public Task<string> GetConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // A failed start is not cached: the next caller tries again.
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                // Not tied to the first caller's token: other callers share this start.
                _ready = Task.Run(() => ResolveAsync(CancellationToken.None), CancellationToken.None);
            }

            return _ready.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the private server if this process started it and the options say so.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is null || !server.Owns || !options.Value.StopEmbeddedServerOnShutdown || !server.IsRunning)
        {
            return;
        }

        await server.StopAsync(cancellationToken).ConfigureAwait(false);
        Log.EmbeddedServerStopped(logger, server.DataDirectory);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task<string> ResolveAsync(CancellationToken ct)
    {
        var settings = options.Value;
        string connectionString;
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            connectionString = settings.ConnectionString;
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            Log.UsingConfiguredServer(logger, target.Host ?? "(default host)", target.Port, target.Database ?? "(default database)");
        }
        else
        {
            var (folder, fallbackReason) = DataDirectoryAccess.Choose(settings.DataDirectory);
            if (fallbackReason is not null)
            {
                Log.DataDirectoryFallback(logger, fallbackReason, folder);
            }

            try
            {
                _server = await EmbeddedPostgres.StartAsync(folder, stopOnDispose: false, settings.BinDirectory, adoptOrphans: true, ct).ConfigureAwait(false);
            }
            catch (PostgresNotInstalledException e)
            {
                Log.ServerProgramsMissing(logger, e.Message);
                throw;
            }

            connectionString = _server.ConnectionString;
            Log.EmbeddedServerReady(logger, _server.DataDirectory, _server.Port,
                _server.Created ? "created"
                : _server.AdoptedFrom is { } orphanOf ? (orphanOf == 0 ? "left running by an earlier start that is gone" : $"left running by process {orphanOf}, which is gone") + ": adopted, and stopped on shutdown"
                : _server.WasAlreadyRunning ? "already running for another live process: shared, left running on shutdown"
                : "existing cluster, started");
        }

        var applied = await DatabaseMigrator.MigrateAsync(connectionString, ct).ConfigureAwait(false);
        Log.Migrated(logger, applied.Count, applied.Count == 0 ? "up to date" : string.Join(", ", applied));
        Volatile.Write(ref _connectionString, connectionString);
        return connectionString;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Using the configured PostgreSQL server {Host}:{Port}, database {Database}")]
        public static partial void UsingConfiguredServer(ILogger logger, string host, int port, string database);

        [LoggerMessage(2, LogLevel.Warning, "PostgreSQL data folder: {Reason}; using {Folder} instead")]
        public static partial void DataDirectoryFallback(ILogger logger, string reason, string folder);

        [LoggerMessage(3, LogLevel.Information, "Private PostgreSQL server in {Folder} listening on 127.0.0.1:{Port} ({How})")]
        public static partial void EmbeddedServerReady(ILogger logger, string folder, int port, string how);

        [LoggerMessage(4, LogLevel.Information, "Database schema: {Count} migration(s) applied ({Names})")]
        public static partial void Migrated(ILogger logger, int count, string names);

        [LoggerMessage(5, LogLevel.Information, "Private PostgreSQL server in {Folder} stopped")]
        public static partial void EmbeddedServerStopped(ILogger logger, string folder);

        [LoggerMessage(6, LogLevel.Critical, "{Hint}")]
        public static partial void ServerProgramsMissing(ILogger logger, string hint);
    }
}
