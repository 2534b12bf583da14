using CineSync.Database.Migrations;
using CineSync.Runtime.TestSiloApp;
using CineSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Runtime.Bench;

/// <summary>Starts <c>tests/Runtime.TestSilo</c> processes joined through a private PostgreSQL membership table.</summary>
internal sealed class SiloProcesses : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private ServiceProvider? _client;

    public string ConnectionString { get; private set; } = string.Empty;

    public string ClusterId { get; } = "bench";

    public IClusterClient Client => _client!.GetRequiredService<IClusterClient>();

    public static async Task<SiloProcesses> StartAsync(params (string Name, string Roles)[] silos)
    {
        var cluster = new SiloProcesses { ConnectionString = await PostgresServer.CreateDatabaseAsync() };
        await DatabaseMigrator.MigrateAsync(cluster.ConnectionString);
        cluster._silos.AddRange(await Task.WhenAll(silos.Select(s => SiloProcess.StartAsync(cluster.ConnectionString, cluster.ClusterId, s.Name, s.Roles))));
        await SiloProcess.WaitForActiveAsync(cluster.ConnectionString, cluster.ClusterId, silos.Length, TimeSpan.FromSeconds(60));
        var services = new ServiceCollection();
        services.AddClusterClient(o =>
        {
            o.UseMembershipTable(cluster.ConnectionString, cluster.ClusterId);
            o.ReconnectDelay = TimeSpan.FromMilliseconds(100);
        });
        cluster._client = services.BuildServiceProvider();
        await cluster.Client.Connect();
        return cluster;
    }

    public void Kill(string name) => _silos.Single(s => s.Name == name).Kill();

    /// <summary>Whether the membership table says <paramref name="name"/> is dead.</summary>
    public async Task<bool> IsDeclaredDeadAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM cluster_members WHERE cluster_id = @c AND silo_name = @n AND status = 'dead'", connection);
        command.Parameters.AddWithValue("c", ClusterId);
        command.Parameters.AddWithValue("n", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
