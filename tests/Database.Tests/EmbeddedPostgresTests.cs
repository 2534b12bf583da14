using CineSync.Database.Postgres;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Database.Tests;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task The_shared_test_server_accepts_connections()
    {
        var server = await PostgresServer.GetAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        Assert.Equal(EmbeddedPostgres.SuperUser, await command.ExecuteScalarAsync());
    }
}
