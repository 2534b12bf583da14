using CineSync.Database.Migrations;
using CineSync.Grains.Hosting;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Grains.Tests;

/// <summary>Fresh migrated databases and silos over them.</summary>
internal static class TestDatabases
{
    /// <summary>A new migrated database, seeded by <paramref name="seedSql"/> when given.</summary>
    public static async Task<string> CreateAsync(string prefix, string? seedSql = null)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(prefix);
        await DatabaseMigrator.MigrateAsync(connectionString);
        if (seedSql is not null)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var seed = new NpgsqlCommand(seedSql, connection);
            await seed.ExecuteNonQueryAsync();
        }

        return connectionString;
    }

    /// <summary>One silo with every role, ADO.NET grain storage and the CineSync grains over <paramref name="connectionString"/>.</summary>
    public static Task<CineSyncTestCluster> StartSiloAsync(string connectionString, Action<CineSyncGrainsOptions>? configure = null) =>
        CineSyncTestCluster.StartAsync(connectionString, configure);
}
