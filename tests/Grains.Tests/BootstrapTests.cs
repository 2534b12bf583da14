using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CineSync.Recommender.Training;

namespace CineSync.Grains.Tests;

/// <summary>A fresh install: the corpus is imported but no model was ever trained.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task A_silo_without_a_model_trains_one_from_the_corpus_and_serves_recommendations()
    {
        // 40 titles in two genres, 60 corpus users who each like one genre.
        var connectionString = await TestDatabases.CreateAsync("bootstrap", """
            INSERT INTO movies (movie_id, title, year, genres, popularity)
            SELECT i, 'Film ' || i, 1980 + i, CASE WHEN i % 2 = 0 THEN '{Drama}'::text[] ELSE '{Comedy}'::text[] END, 60 FROM generate_series(1, 40) i;
            INSERT INTO corpus_ratings (dataset, user_id, movie_id, rating, rated_at)
            SELECT 'generated', u, i, CASE WHEN (i + u) % 2 = 0 THEN 4.5 ELSE 1.5 END, now() - interval '1 day' * i
            FROM generate_series(1, 60) u CROSS JOIN generate_series(1, 40) i WHERE (u * 7 + i) % 3 <> 0;
            """);
        await using var silo = await TestDatabases.StartSiloAsync(connectionString, o =>
        {
            o.TrainWhenNoModel = true;
            o.Training = new BundleTrainingOptions { Tune = false, Factors = 8, Iterations = 4, EaseHeadSize = 40, MaxParallelism = 1 };
        });

        // The silo's first-model service ends once it has published a model (or the guard declares a hang).
        var bootstrap = silo.Cluster.Silos[0].ServiceProvider.GetServices<IHostedService>().OfType<ModelBootstrapService>().Single();
        await HangGuard.WaitAsync(bootstrap.ExecuteTask ?? Task.CompletedTask, "The silo never published a first model.");

        var registry = silo.Client.GetGrain<IModelRegistryGrain>(0);
        var stamp = await registry.RefreshAsync();
        Assert.Equal(1, stamp.Version);
        var user = silo.Client.GetGrain<IUserTasteGrain>(1);
        await Users.RateAllAsync(user, [2, 4, 6, 8, 10], 5f);
        var results = await user.GetRecommendationsAsync(new RecommendationQuery(5));
        Assert.True(results.Personal);
        Assert.Equal(5, results.Items.Count);
    }
}
