using Microsoft.Extensions.Logging.Testing;
using CineSync.Database.Hosting;
using CineSync.Database.Migrations;
using CineSync.Database.Postgres;
using CineSync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CineSync.Database.Tests.Hosting;

public sealed class DatabaseHostingTests
{
    [Fact]
    public async Task Without_a_connection_string_a_private_server_starts_migrated_stops_with_the_host_and_keeps_its_data()
    {
        var dir = PostgresServer.CreateTempFolder("hosted-");
        try
        {
            var settings = new Dictionary<string, string?> { ["Database:DataDirectory"] = Path.Combine(dir, "pg") };
            string connectionString;
            using (var host = BuildHost(settings, out _))
            {
                await host.StartAsync();
                var endpoint = host.Services.GetRequiredService<IDatabaseEndpoint>();
                Assert.True(endpoint.IsReady);
                connectionString = endpoint.ConnectionString;
                Assert.Equal(DatabaseMigrator.All.Count, await Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
                await Sql.ScalarAsync<int>(connectionString, "INSERT INTO people (name) VALUES ('Agnès Varda'); SELECT 1");
                await host.StopAsync();
            }

            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Sql.ScalarAsync<int>(connectionString, "SELECT 1"));

            using (var again = BuildHost(settings, out _))
            {
                await again.StartAsync();
                var endpoint = again.Services.GetRequiredService<IDatabaseEndpoint>();
                Assert.Equal("Agnès Varda", await Sql.ScalarAsync<string>(endpoint.ConnectionString, "SELECT name FROM people"));
                await again.StopAsync();
            }
        }
        finally
        {
            PostgresServer.TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_configured_connection_string_is_used_instead_of_a_private_server_and_its_password_is_never_logged()
    {
        var dir = PostgresServer.CreateTempFolder("configured-");
        try
        {
            // The test server trusts loopback connections, so any password works; it must not reach the log.
            var configured = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync()) { Password = "hunter2-secret" }.ConnectionString;
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:CineSync"] = configured,
                ["Database:DataDirectory"] = Path.Combine(dir, "unused"),
            };
            using var host = BuildHost(settings, out var logs);

            await host.StartAsync();
            var endpoint = host.Services.GetRequiredService<IDatabaseEndpoint>();

            Assert.Equal(configured, await endpoint.GetConnectionStringAsync());
            Assert.Equal(DatabaseMigrator.All.Count, await Sql.ScalarAsync<long>(configured, "SELECT count(*) FROM schema_migrations"));
            Assert.False(Directory.Exists(Path.Combine(dir, "unused")));
            Assert.Contains(logs.Lines, l => l.Contains("configured PostgreSQL server", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Lines, l => l.Contains("hunter2", StringComparison.Ordinal));
            await host.StopAsync();
        }
        finally
        {
            PostgresServer.TryDelete(dir);
        }
    }

    [Fact]
    public async Task Missing_server_programs_stop_the_start_with_a_message_naming_the_package()
    {
        var dir = PostgresServer.CreateTempFolder("nobinaries-");
        try
        {
            using var host = BuildHost(new Dictionary<string, string?>
            {
                ["Database:DataDirectory"] = Path.Combine(dir, "pg"),
                ["Database:BinDirectory"] = Path.Combine(dir, "no-postgresql-here"),
            }, out var logs);

            await Assert.ThrowsAsync<PostgresNotInstalledException>(() => host.StartAsync());

            Assert.Contains(logs.Lines, l => l.Contains("apt-get install postgresql", StringComparison.Ordinal));
        }
        finally
        {
            PostgresServer.TryDelete(dir);
        }
    }

    [Fact]
    public void A_connection_string_shown_to_people_has_its_password_masked()
    {
        var redacted = ConnectionStrings.Redact("Host=db.example;Username=cinesync;Password=hunter2;Database=cinesync");

        Assert.DoesNotContain("hunter2", redacted, StringComparison.Ordinal);
        Assert.Contains("Host=db.example", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_connection_string_stops_the_host_at_start_with_a_clear_message()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["ConnectionStrings:CineSync"] = "this is not a connection string" }, out _);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:CineSync", error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, out FakeLoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        logs = new FakeLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Services.AddCineSyncDatabase(builder.Configuration);
        return builder.Build();
    }
}
