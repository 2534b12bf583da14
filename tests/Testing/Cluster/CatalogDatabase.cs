using System.Diagnostics;
using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Recommender.Training;
using Npgsql;

namespace CineSync.Testing.Cluster;

/// <summary>
/// A fresh database on the test run's PostgreSQL with ml-latest-small imported and a small model published, so silo
/// processes started over it neither import demo data nor train a first model of their own (three silos training at
/// once would swamp two cores).
/// </summary>
public sealed record CatalogDatabase(string ConnectionString, IReadOnlyList<int> MoviesByPopularity, TimeSpan PreparedIn)
{
    /// <summary>Small and fast (a few seconds), still a real model the ModelGrain workers load and fold in with.</summary>
    public static BundleTrainingOptions SmallModel { get; } = new() { Tune = false, Factors = 24, Iterations = 6, EaseHeadSize = 800, Seed = 7, MaxParallelism = 2 };

    public static async Task<CatalogDatabase> CreateAsync(string prefix, BundleTrainingOptions? training = null)
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await PostgresServer.CreateDatabaseAsync(prefix).ConfigureAwait(false);
        await DatabaseMigrator.MigrateAsync(connectionString).ConfigureAwait(false);
        await new CatalogImporter(connectionString).ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small")).ConfigureAwait(false);
        await CineSync.Grains.Training.ModelTrainer.TrainAndPublishAsync(connectionString, training ?? SmallModel).ConfigureAwait(false);

        var movies = new List<int>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT movie_id FROM movies ORDER BY popularity DESC, movie_id", connection);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                movies.Add(reader.GetInt32(0));
            }
        }

        return new CatalogDatabase(connectionString, movies, clock.Elapsed);
    }
}
