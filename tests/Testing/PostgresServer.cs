using System.Diagnostics;
using CineSync.Database.Postgres;
using Npgsql;

namespace CineSync.Testing;

/// <summary>
/// One real PostgreSQL server per test run (per test process), started on first use in a fresh
/// temporary folder and stopped (and its folder deleted) when the process exits. Each test asks for
/// its own empty database. Folders and servers left behind by killed test runs are cleaned up on the
/// next start.
/// </summary>
public static class PostgresServer
{
    private const string FolderPrefix = "pg-";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _server;
    private static int _databaseCounter;

    /// <summary>The folder holding the per-run server folders (and any folder a test asks for with <see cref="CreateTempFolder"/>).</summary>
    public static string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "cinesync-tests");

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
                await CleanUpAbandonedAsync();
                var dir = configured ?? CreateTempFolder(FolderPrefix);
                var server = await EmbeddedPostgres.StartAsync(dir);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    if (configured is null)
                    {
                        StopAndDeleteDetached(dir);
                    }
                    else
                    {
                        server.StopAsync().GetAwaiter().GetResult();
                    }
                };
                _server = server;
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

    /// <summary>
    /// A new folder under <see cref="TempRoot"/> named after this process, so that a later run can
    /// tell it was abandoned (its process is gone) and delete it. Delete it with <see cref="TryDelete"/>.
    /// </summary>
    public static string CreateTempFolder(string prefix)
    {
        var dir = Path.Combine(TempRoot, $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Deletes a folder and everything in it (as root this includes the server's files owned by postgres).</summary>
    public static bool TryDelete(string dir)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }

                return true;
            }
            catch (IOException)
            {
                // The server may still be removing its pid file and sockets.
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Stops the throwaway server (immediate mode: no checkpoint) and deletes its folder from a detached
    /// shell: the test host is killed shortly after its exit handlers start, which would cut a
    /// synchronous stop-then-delete short and leave the folder behind.
    /// </summary>
    private static void StopAndDeleteDetached(string dir)
    {
        var pgCtl = PostgresBinaries.Locate().PgCtl;
        var runAs = Environment.IsPrivilegedProcess ? $"runuser -u {DataDirectoryAccess.ServerUser} -- " : "";
        var script = $"{runAs}'{pgCtl}' -D '{dir}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{dir}'";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "-f", "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid here: stop in this process and let the next run delete what is left.
            EmbeddedPostgres.StopAsync(dir, immediate: true).GetAwaiter().GetResult();
        }
    }

    /// <summary>Stops servers and deletes folders of earlier test processes that no longer run.</summary>
    private static async Task CleanUpAbandonedAsync()
    {
        if (!Directory.Exists(TempRoot))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(TempRoot))
        {
            if (OwnerPid(Path.GetFileName(dir)) is not int pid || IsRunning(pid))
            {
                continue;
            }

            try
            {
                await EmbeddedPostgres.StopAsync(dir, immediate: true);
            }
            catch (Exception e) when (e is InvalidOperationException or PostgresNotInstalledException or IOException)
            {
                // Not a cluster, or already gone: delete it anyway.
            }

            TryDelete(dir);
        }
    }

    /// <summary>The process id in a folder name like <c>pg-1234-guid</c>.</summary>
    private static int? OwnerPid(string name)
    {
        var parts = name.Split('-');
        return parts.Length >= 3 && int.TryParse(parts[^2], out var pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
