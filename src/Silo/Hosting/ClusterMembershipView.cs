using CineSync.Dashboard;
using CineSync.Database.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RuntimeSiloOptions = CineSync.Runtime.Hosting.SiloOptions;

namespace CineSync.Silo.Hosting;

/// <summary>
/// The dashboard's view of the cluster, read from the membership table every silo writes: each silo lists its
/// peers and their dashboard addresses, so no silo is a central point the others report to.
/// </summary>
internal sealed class ClusterMembershipView(IDatabaseEndpoint database, IOptions<RuntimeSiloOptions> silo, TimeProvider time)
    : IClusterMembershipView
{
    // Dead silos stay on the page for a while, so an operator sees what just went away.
    private static readonly TimeSpan ShowDeadFor = TimeSpan.FromMinutes(10);

    public async ValueTask<IReadOnlyList<SiloInfo>> GetSilosAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (silo_name) silo_name, address, port, dashboard_url, status, roles, started_at
            FROM cluster_members
            WHERE cluster_id = @cluster AND (status <> 'dead' OR i_am_alive_at > @since)
            ORDER BY silo_name, generation DESC
            """, connection);
        command.Parameters.AddWithValue("cluster", silo.Value.ClusterId);
        command.Parameters.AddWithValue("since", time.GetUtcNow() - ShowDeadFor);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var silos = new List<SiloInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            silos.Add(new SiloInfo(
                reader.GetString(0),
                $"{reader.GetString(1)}:{reader.GetInt32(2)}",
                reader.IsDBNull(3) ? null : new Uri(reader.GetString(3)),
                ParseStatus(reader.GetString(4)),
                reader.GetFieldValue<string[]>(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return silos;
    }

    private static SiloStatus ParseStatus(string status) => status switch
    {
        "joining" => SiloStatus.Joining,
        "active" => SiloStatus.Active,
        "shutting_down" => SiloStatus.ShuttingDown,
        _ => SiloStatus.Dead,
    };
}
