using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Training;
using CineSync.Recommender.Training;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>
/// One migrated database with MovieLens ml-latest-small and one small trained model, shared by the tests that run
/// grains (training once keeps the project fast). Tests use user ids of their own.
/// </summary>
public sealed class DashboardDatabase : IAsyncLifetime
{
    private static readonly BundleTrainingOptions Training = new() { Tune = false, Factors = 16, Iterations = 4, EaseHeadSize = 600, Seed = 11, MaxParallelism = 2 };

    private long _nextUser = 2_000_000_000_000;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The trained model, current in <c>trained_models</c>.</summary>
    public ModelVersionStamp Model { get; private set; } = ModelVersionStamp.None;

    /// <summary>The most rated titles, most popular first.</summary>
    public IReadOnlyList<int> PopularMovies { get; private set; } = [];

    /// <summary>A Discord-like user id no other test uses.</summary>
    public long NewUserId() => Interlocked.Increment(ref _nextUser);

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("dashboard");
        await DatabaseMigrator.MigrateAsync(ConnectionString);
        await new CatalogImporter(ConnectionString).ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));
        Model = await ModelTrainer.TrainAndPublishAsync(ConnectionString, Training);

        var movies = new List<int>();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT movie_id FROM movies ORDER BY popularity DESC, movie_id LIMIT 40", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            movies.Add(reader.GetInt32(0));
        }

        PopularMovies = movies;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class DashboardDatabaseCollection : ICollectionFixture<DashboardDatabase>
{
    public const string Name = "dashboard database";
}
