using System.Diagnostics;
using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Recommender.Training;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Grains.Bench;

/// <summary>A private PostgreSQL with ml-latest-small, a model trained with the silo's default options, one Orleans silo and a client.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private BenchCluster(string connectionString, CineSyncTestCluster silo, int[] movies)
    {
        ConnectionString = connectionString;
        Silo = silo;
        Movies = movies;
    }

    public string ConnectionString { get; }

    public CineSyncTestCluster Silo { get; }

    /// <summary>Catalogue ids, most rated first.</summary>
    public int[] Movies { get; }

    public static async Task<BenchCluster> StartAsync()
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await PostgresServer.CreateDatabaseAsync("grainsbench");
        await DatabaseMigrator.MigrateAsync(connectionString);
        await new CatalogImporter(connectionString).ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));
        var silo = await CineSyncTestCluster.StartAsync(connectionString);
        var stamp = await CineSync.Grains.Training.ModelTrainer.TrainAndPublishAsync(connectionString, new CineSync.Grains.Hosting.CineSyncGrainsOptions().Training);
        Console.WriteLine($"setup: imported ml-latest-small and trained model {stamp.Label} in {clock.Elapsed.TotalSeconds:0.0} s");

        var movies = new List<int>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT movie_id FROM movies ORDER BY popularity DESC, movie_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            movies.Add(reader.GetInt32(0));
        }

        return new BenchCluster(connectionString, silo, [.. movies]);
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
