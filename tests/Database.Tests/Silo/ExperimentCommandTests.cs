using CineSync.Database.Migrations;
using CineSync.Silo.Hosting;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Database.Tests.Silo;

/// <summary>The silo's <c>experiment</c> command against a real database: refusals as exit codes, a start, list and stop.</summary>
public sealed class ExperimentCommandTests
{
    [Fact]
    public async Task An_operator_starts_lists_and_stops_an_experiment_and_bad_requests_exit_with_their_own_codes()
    {
        var db = await PostgresServer.CreateDatabaseAsync("experiment-cli");
        await DatabaseMigrator.MigrateAsync(db);
        var connection = $"--ConnectionStrings:CineSync={db}";

        Assert.Equal(64, await ExperimentCommand.RunAsync(["promote", "x", connection]));
        Assert.Equal(65, await ExperimentCommand.RunAsync(["start", "2", connection])); // no model trained yet

        // Two stored versions; the first is current.
        await ExecuteAsync(db, """
            INSERT INTO trained_models (version, created_at, checksum, artifact, is_current) VALUES
                (1, now(), 'a', '\x00', true), (2, now(), 'b', '\x00', false)
            """);
        Assert.Equal(65, await ExperimentCommand.RunAsync(["start", "1", connection])); // the current model is no candidate
        Assert.Equal(0, await ExperimentCommand.RunAsync(["start", "2", "--share", "0.3", "--name", "cli test", connection]));
        Assert.Equal(65, await ExperimentCommand.RunAsync(["start", "2", connection])); // one runs already
        Assert.Equal(0, await ExperimentCommand.RunAsync(["list", connection]));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM experiments WHERE status = 'running' AND candidate_share = 0.3 AND name = 'cli test' AND control_version = 1"));

        Assert.Equal(0, await ExperimentCommand.RunAsync(["stop", "1", connection]));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM experiments WHERE status = 'stopped' AND ended_at IS NOT NULL"));
        Assert.Equal(65, await ExperimentCommand.RunAsync(["promote", "1", connection])); // already ended
    }

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
