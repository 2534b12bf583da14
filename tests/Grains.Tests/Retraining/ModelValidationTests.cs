using CineSync.Grains.Interfaces;
using CineSync.Grains.Training;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Grains.Tests.Retraining;

[Collection(GrainsCollection.Name)]
public sealed class ModelValidationTests(GrainsFixture fixture)
{
    [Fact]
    public async Task A_published_model_gets_recall_ndcg_and_coverage_at_10_from_a_twin_scored_on_the_newest_ratings()
    {
        var current = (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).RefreshAsync()).Version;
        var trainer = fixture.Silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<ModelTrainer>();

        var metrics = await trainer.ValidateAsync(current, GrainsFixture.Training, new ModelValidationOptions { HoldOutShare = 0.1, MaxUsers = 300 });

        Assert.InRange(metrics["evaluated_users"], 200, 300);
        Assert.InRange(metrics["recall@10"], 0.0001, 1);
        Assert.InRange(metrics["ndcg@10"], 0.0001, 1);
        Assert.InRange(metrics["coverage@10"], 0.0001, 1);

        // Stored with the model: what the dashboard shows as its offline quality.
        var quality = await fixture.Silo.Client.GetGrain<IModelQualityGrain>(0).GetCurrentAsync();
        Assert.Equal(current, quality.Version);
        Assert.All(["recall@10", "ndcg@10", "coverage@10"], key => Assert.Equal(metrics[key], quality.Metrics[key], precision: 12));
    }
}
