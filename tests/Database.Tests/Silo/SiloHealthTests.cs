using System.Net;
using System.Text.Json;
using CineSync.Database.Tests.Hosting;
using CineSync.Silo.Hosting;
using CineSync.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CineSync.Database.Tests.Silo;

public sealed class SiloHealthTests : IDisposable
{
    private readonly string _folder = PostgresServer.CreateTempFolder("silo-");

    [Fact]
    public async Task The_silo_imports_demo_data_into_an_empty_database_and_answers_health_200()
    {
        var db = await PostgresServer.CreateDatabaseAsync("silo");
        await using var silo = StartSilo(db);
        using var client = silo.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(TinyMovieLens.Movies, body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("movies").GetInt64());
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_is_gone()
    {
        var db = await PostgresServer.CreateDatabaseAsync("silo");
        await using var silo = StartSilo(db);
        using var client = silo.CreateClient();
        using (var ok = await client.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var server = await PostgresServer.GetAsync();
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(db).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
    }

    public void Dispose() => PostgresServer.TryDelete(_folder);

    private WebApplicationFactory<CineSyncSiloOptions> StartSilo(string connectionString)
    {
        var data = TinyMovieLens.Write(Path.Combine(_folder, $"ml-{Guid.NewGuid():N}"));
#pragma warning disable CA2000 // returned to the caller, who disposes it
        return new WebApplicationFactory<CineSyncSiloOptions>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:CineSync", connectionString);
            web.UseSetting("Data:Path", data);
            // Orleans binds the ports it advertises, so a test silo takes free ones.
            web.UseSetting("Silo:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Silo:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Dashboard:Port", "0");
        });
#pragma warning restore CA2000
    }
}
