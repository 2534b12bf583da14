using CineSync.Database.Import;
using CineSync.Grains.Interfaces;
using CineSync.Database.Migrations;
using CineSync.Recommender.Training;
using CineSync.Testing;

namespace CineSync.BotClient.Tests.Infrastructure;

/// <summary>
/// A real cluster for the bot: PostgreSQL with ml-latest-small imported, an Orleans test silo hosting the CineSync
/// grains with ADO.NET storage in PostgreSQL, and one small model trained once for every test. Tests use distinct user ids.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Small and fast (as in the grains tests), still personal enough for the bot's flows.</summary>
    private static readonly BundleTrainingOptions Training = new() { Tune = false, Factors = 24, Iterations = 6, EaseHeadSize = 800, Seed = 7, MaxParallelism = 2 };

    private long _nextUser = 3_000_000_000_000;

    public CineSyncTestCluster Silo { get; private set; } = null!;

    /// <summary>The cluster's database (with the corpus and a trained model).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A user id no other test uses.</summary>
    public long NewUserId() => Interlocked.Increment(ref _nextUser);

    public async Task InitializeAsync()
    {
        var connectionString = ConnectionString = await PostgresServer.CreateDatabaseAsync("bot");
        await DatabaseMigrator.MigrateAsync(connectionString);
        await new CatalogImporter(connectionString).ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));
        Silo = await CineSyncTestCluster.StartAsync(connectionString, o =>
        {
            o.TrendingCacheAge = TimeSpan.Zero;
            o.ModelCheckPeriod = TimeSpan.FromMilliseconds(100);
        });
        await CineSync.Grains.Training.ModelTrainer.TrainAndPublishAsync(connectionString, Training);

        // Warm the catalogue and a model worker, so the first interaction of a test is not the one paying for loading them.
        await Silo.Client.GetGrain<ICatalogueGrain>(0).SearchAsync("matrix", 5);
        await Silo.Client.GetGrain<IUserTasteGrain>(NewUserId()).GetRecommendationsAsync(new RecommendationQuery(5));
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
