using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CineSync.Database.Postgres;

/// <summary>
/// A private PostgreSQL cluster in a data folder, for machines where nobody configured a server:
/// created on first start (initdb), started on a free loopback port (pg_ctl), reused by later starts.
/// When the process runs as root the server runs as the <c>postgres</c> user, since PostgreSQL refuses root.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The superuser created by initdb; trust authentication on loopback only.</summary>
    public const string SuperUser = "cinesync";

    private const string DatabaseName = "cinesync";
    private readonly PostgresBinaries _binaries;
    private readonly bool _stopOnDispose;

    private EmbeddedPostgres(string dataDirectory, int port, PostgresBinaries binaries, bool stopOnDispose, bool created, bool alreadyRunning)
    {
        Created = created;
        WasAlreadyRunning = alreadyRunning;
        DataDirectory = dataDirectory;
        Port = port;
        _binaries = binaries;
        _stopOnDispose = stopOnDispose;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Database = DatabaseName,
            Pooling = true,
            MaxPoolSize = 100,
        }.ConnectionString;
    }

    /// <summary>The folder holding the cluster's files.</summary>
    public string DataDirectory { get; }

    /// <summary>True when this start created the cluster (ran initdb); false when it reused an existing one.</summary>
    public bool Created { get; }

    /// <summary>True when a server was already running on the data folder and this start attached to it.</summary>
    public bool WasAlreadyRunning { get; }

    /// <summary>
    /// The id of the process that had started the running server and is gone (killed), when this start adopted it:
    /// the server is then this one's to stop. Null for a server started here, or borrowed from a live process.
    /// </summary>
    public int? AdoptedFrom { get; private init; }

    /// <summary>True when this object may stop the server: it started it, or adopted it from a process that is gone.</summary>
    public bool Owns => !WasAlreadyRunning || AdoptedFrom is not null;

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>True while a server runs on <see cref="DataDirectory"/> (this one or another process's).</summary>
    public bool IsRunning => RunningPort(DataDirectory) is not null;

    /// <summary>A connection string for the <c>cinesync</c> database on this server.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Creates the cluster if <paramref name="dataDirectory"/> holds none, starts it unless it is
    /// already running, and waits until it accepts connections.
    /// </summary>
    /// <param name="dataDirectory">The cluster's folder (created when missing).</param>
    /// <param name="stopOnDispose">Stop the server when this object is disposed; a server that was
    /// already running before this call is never stopped by it.</param>
    /// <param name="adoptOrphans">
    /// Record this process as the server's owner (<see cref="ServerOwner"/>), and adopt a running server whose recorded
    /// owner is gone (<see cref="AdoptedFrom"/>): the caller then stops it like one it started.
    /// </param>
    /// <param name="binDirectory">The folder holding initdb and pg_ctl; null: PATH, then the newest installed version.</param>
    /// <param name="cancellationToken">Stops waiting (a server already starting keeps starting).</param>
    public static async Task<EmbeddedPostgres> StartAsync(
        string dataDirectory, bool stopOnDispose = true, string? binDirectory = null, bool adoptOrphans = false, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Locate(binDirectory);
        dataDirectory = Path.GetFullPath(dataDirectory);
        var runAs = RunAs;
        var created = false;
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(binaries, dataDirectory, runAs, cancellationToken).ConfigureAwait(false);
            created = true;
        }

        var runningPort = RunningPort(dataDirectory);
        if (runningPort is int existing)
        {
            var orphanOf = adoptOrphans ? ServerOwner.GoneOwner(dataDirectory) : null;
            var reused = new EmbeddedPostgres(dataDirectory, existing, binaries, stopOnDispose: orphanOf is not null && stopOnDispose, created, alreadyRunning: true)
            {
                AdoptedFrom = orphanOf,
            };
            await reused.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
            if (orphanOf is not null)
            {
                ServerOwner.Claim(dataDirectory);
            }

            return reused;
        }

        var port = FreeLoopbackPort();
        await StartServerAsync(binaries, dataDirectory, port, cancellationToken).ConfigureAwait(false);
        var server = new EmbeddedPostgres(dataDirectory, port, binaries, stopOnDispose, created, alreadyRunning: false);
        if (adoptOrphans)
        {
            ServerOwner.Claim(dataDirectory);
        }

        await server.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// Starts this server again after <see cref="StopAsync(CancellationToken)"/>, on the same port, so clients that kept
    /// its connection string reconnect without being told anything (a database restarted under a running silo).
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (RunningPort(DataDirectory) is null)
        {
            await StartServerAsync(_binaries, DataDirectory, Port, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task StartServerAsync(PostgresBinaries binaries, string dataDirectory, int port, CancellationToken ct)
    {
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=on -c max_connections=200";
        return RunAsync(RunAs, binaries.PgCtl,
            ["-D", dataDirectory, "-o", options, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start"],
            ct);
    }

    /// <summary>Stops the server (fast shutdown: open transactions roll back, committed data is kept).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        StopAsync(DataDirectory, _binaries, immediate: false, cancellationToken);

    /// <summary>
    /// Stops the server running on <paramref name="dataDirectory"/>, if any, such as one a killed test
    /// run left behind. <paramref name="immediate"/> skips the shutdown checkpoint: only for throwaway clusters.
    /// </summary>
    public static Task StopAsync(string dataDirectory, bool immediate, string? binDirectory = null, CancellationToken cancellationToken = default) =>
        StopAsync(Path.GetFullPath(dataDirectory), PostgresBinaries.Locate(binDirectory), immediate, cancellationToken);

    private static async Task StopAsync(string dataDirectory, PostgresBinaries binaries, bool immediate, CancellationToken ct)
    {
        if (RunningPort(dataDirectory) is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync(RunAs, binaries.PgCtl, ["-D", dataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "stop"], ct).ConfigureAwait(false);
        ServerOwner.Release(dataDirectory);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopOnDispose)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The user the server runs as: <c>postgres</c> when this process is root, else this process's user.</summary>
    private static string? RunAs => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() ? DataDirectoryAccess.ServerUser : null;

    private static async Task InitializeAsync(PostgresBinaries binaries, string dataDirectory, string? runAs, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        if (runAs is not null && !OperatingSystem.IsWindows())
        {
            await RunAsync(null, "chown", [$"{runAs}:{runAs}", dataDirectory], ct).ConfigureAwait(false);
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await RunAsync(runAs, binaries.InitDb,
            ["-D", dataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--no-locale", "--no-sync"], ct).ConfigureAwait(false);
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            try
            {
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it between our check and our create.
            }
        }
    }

    /// <summary>The port of the server running on this data folder, or null when none runs.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null; // stale pid file from a crashed server; pg_ctl start recovers it
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string? runAs, string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? program : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }
}
