using CineSync.Database.Postgres;

namespace CineSync.Testing;

/// <summary>
/// A PostgreSQL server of one test's own, for tests that stop and start the database under a running cluster (the
/// shared <see cref="PostgresServer"/> serves every other test in the process and must stay up). It restarts on the same
/// port, so connection strings handed out stay valid. Disposing stops it and deletes its folder; a killed run's folder
/// is cleaned up by the next run like the shared server's.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgres _server;
    private readonly string _folder;

    private PrivatePostgres(EmbeddedPostgres server, string folder)
    {
        _server = server;
        _folder = folder;
    }

    /// <summary>The connection string of the server's <c>cinesync</c> database.</summary>
    public string ConnectionString => _server.ConnectionString;

    /// <summary>Whether the server is up.</summary>
    public bool IsRunning => _server.IsRunning;

    /// <summary>Creates and starts a server in a fresh folder.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = PostgresServer.CreateTempFolder("pg-");
        return new PrivatePostgres(await EmbeddedPostgres.StartAsync(folder), folder);
    }

    /// <summary>Stops the server (fast shutdown: committed data is kept); returns once it no longer accepts connections.</summary>
    public Task StopAsync() => _server.StopAsync();

    /// <summary>Starts the stopped server again on its port; returns once it accepts connections.</summary>
    public Task RestartAsync() => _server.RestartAsync();

    public async ValueTask DisposeAsync()
    {
        await EmbeddedPostgres.StopAsync(_folder, immediate: true);
        PostgresServer.TryDelete(_folder);
    }
}
