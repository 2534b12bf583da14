using System.Globalization;
using CineSync.Database.Hosting;
using CineSync.Grains.Hosting;
using CineSync.Silo.Hosting;
using CineSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Database.Tests.Silo;

/// <summary>The README's settings, given on the silo's command line, are what the silo runs with; a wrong one stops it at start.</summary>
public sealed class SiloSettingsTests
{
    [Fact]
    public async Task Grains_and_database_settings_given_on_the_command_line_are_what_the_silo_runs_with()
    {
        var db = await PostgresServer.CreateDatabaseAsync("settings");
        await using var app = CineSyncSiloApplication.Build(Arguments(db,
            "--Grains:MaxRatingBatch=7",
            "--Grains:ModelCheckPeriod=00:00:05",
            "--Grains:TrendingCacheAge=00:00:00",
            "--Grains:TrainWhenNoModel=false",
            "--Grains:Training:Factors=12",
            "--Database:Timeout=00:00:09",
            "--Database:MaxPoolSize=13"));

        var grains = app.Services.GetRequiredService<IOptions<CineSyncGrainsOptions>>().Value;
        var source = await app.Services.GetRequiredService<DatabaseDataSource>().GetAsync();
        var pool = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        var storage = new NpgsqlConnectionStringBuilder(await app.Services.GetRequiredService<DatabaseDataSource>().GetProviderConnectionStringAsync(smallStatements: true));

        Assert.Equal(7, grains.MaxRatingBatch);
        Assert.Equal(TimeSpan.FromSeconds(5), grains.ModelCheckPeriod);
        Assert.Equal(TimeSpan.Zero, grains.TrendingCacheAge);
        Assert.False(grains.TrainWhenNoModel);
        Assert.Equal(12, grains.Training.Factors);
        Assert.False(grains.Training.Tune);
        Assert.Equal((9, 13), (pool.Timeout, pool.MaxPoolSize));
        Assert.Equal((9, 9, 13), (storage.Timeout, storage.CommandTimeout, storage.MaxPoolSize));
        Assert.Same(source, await app.Services.GetRequiredService<ICineSyncDataSource>().GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_grains_setting_out_of_range_stops_the_silo_at_start_naming_the_setting_and_its_value()
    {
        var db = await PostgresServer.CreateDatabaseAsync("settings");
        await using var app = CineSyncSiloApplication.Build(Arguments(db,
            "--Grains:MaxRatingBatch=0",
            "--Grains:ModelCheckPeriod=-00:00:01"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Grains:MaxRatingBatch must be at least 1 (was 0).", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Grains:ModelCheckPeriod must be positive", failure.Message, StringComparison.Ordinal);
    }

    private static string[] Arguments(string connectionString, params string[] settings) =>
    [
        $"--ConnectionStrings:CineSync={connectionString}",
        "--Data:ImportWhenEmpty=false",
        $"--Silo:SiloPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
        $"--Silo:GatewayPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
        "--Silo:HttpPort=0",
        "--Dashboard:Port=0",
        "--Logging:LogLevel:Default=Warning",
        .. settings,
    ];
}
