using CineSync.Database.Postgres;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Database.Tests.Postgres;

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

    [Fact]
    public async Task A_second_start_on_the_same_folder_reuses_the_running_server()
    {
        var dir = PostgresServer.CreateTempFolder("reuse-");
        try
        {
            var first = await EmbeddedPostgres.StartAsync(Path.Combine(dir, "pg"));
            try
            {
                var second = await EmbeddedPostgres.StartAsync(Path.Combine(dir, "pg"));
                await second.DisposeAsync(); // attached, not started: disposing must not stop the server

                Assert.True(first.Created);
                Assert.False(second.Created);
                Assert.True(second.WasAlreadyRunning);
                Assert.Equal(first.Port, second.Port);
                Assert.Equal(1, await Sql.ScalarAsync<int>(first.ConnectionString, "SELECT 1"));
            }
            finally
            {
                await first.StopAsync();
            }

            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Sql.ScalarAsync<int>(first.ConnectionString, "SELECT 1"));
        }
        finally
        {
            PostgresServer.TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_server_left_running_by_a_killed_process_is_adopted_and_stopped_on_shutdown()
    {
        var dir = PostgresServer.CreateTempFolder("orphan-");
        var data = Path.Combine(dir, "pg");
        try
        {
            var first = await EmbeddedPostgres.StartAsync(data, stopOnDispose: false, adoptOrphans: true);
            var borrowed = await EmbeddedPostgres.StartAsync(data, stopOnDispose: true, adoptOrphans: true);
            await borrowed.DisposeAsync(); // its owner (this process) still runs: borrowed, not stopped
            Assert.False(borrowed.Owns);
            Assert.Equal(1, await Sql.ScalarAsync<int>(first.ConnectionString, "SELECT 1"));

            // The owner is killed (kill -9): its record names a process that is gone.
            var gone = await DeadProcessIdAsync();
            await File.WriteAllTextAsync(data + ".owner", $"{gone} 638000000000000000");

            var next = await EmbeddedPostgres.StartAsync(data, stopOnDispose: true, adoptOrphans: true);
            Assert.Equal(gone, next.AdoptedFrom);
            Assert.True(next.Owns);
            await next.DisposeAsync();

            Assert.False(next.IsRunning);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Sql.ScalarAsync<int>(first.ConnectionString, "SELECT 1"));
        }
        finally
        {
            await EmbeddedPostgres.StopAsync(data, immediate: true);
            PostgresServer.TryDelete(dir);
        }
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    [Fact]
    public void Missing_server_programs_give_a_message_naming_the_package_to_install()
    {
        var error = Assert.Throws<PostgresNotInstalledException>(() => PostgresBinaries.Locate("/nonexistent/postgresql/bin"));
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__CineSync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_data_folder_the_server_user_cannot_reach_is_replaced_by_one_under_var_tmp()
    {
        var dir = PostgresServer.CreateTempFolder("private-");
        try
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var requested = Path.Combine(dir, "postgres");

            var (chosen, reason) = DataDirectoryAccess.Choose(requested);

            if (Environment.IsPrivilegedProcess)
            {
                Assert.StartsWith(DataDirectoryAccess.FallbackRoot, chosen, StringComparison.Ordinal);
                Assert.Contains(requested, reason, StringComparison.Ordinal);
                Assert.Equal(chosen, DataDirectoryAccess.Choose(requested).Path); // stable: later starts reuse it
            }
            else
            {
                Assert.Equal(requested, chosen); // the server runs as this user, who owns the folder
                Assert.Null(reason);
            }
        }
        finally
        {
            PostgresServer.TryDelete(dir);
        }
    }
}
