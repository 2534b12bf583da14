using CineSync.Database.Postgres;
using Npgsql;

namespace CineSync.Testing;

/// <summary>
/// One real PostgreSQL server per test run (per test process), started on first use in a fresh
/// temporary folder and stopped when the process exits. Each test asks for its own empty database.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _server;
    private static int _databaseCounter;

    /// <summary>The shared server, started on first call.</summary>
    public static async Task<EmbeddedPostgres> GetAsync()
    {
        if (_server is not null)
        {
            return _server;
        }

        await Gate.WaitAsync();
        try
        {
            if (_server is null)
            {
                var configured = Environment.GetEnvironmentVariable("CINESYNC_TEST_PGDATA");
                var dir = configured ?? Path.Combine(Path.GetTempPath(), "cinesync-tests", $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Directory.CreateDirectory(Path.GetDirectoryName(dir)!);
                _server = await EmbeddedPostgres.StartAsync(dir);
                var server = _server;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    server.StopAsync().GetAwaiter().GetResult();
                    if (configured is null)
                    {
                        TryDelete(dir);
                    }
                };
            }

            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates a new empty database on the shared server and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var server = await GetAsync();
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
