using CineSync.Grains.Interfaces;
using CineSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace CineSync.Grains.Tests;

/// <summary>ModelGrain workers live only on silos with the <c>model</c> role, wherever the call comes from.</summary>
[Collection(GrainsCollection.Name)]
public sealed class PlacementTests(GrainsFixture fixture)
{
    [Fact]
    public async Task Every_model_worker_activates_on_the_model_silo_even_when_users_live_on_a_taste_only_silo()
    {
        await using var cluster = await CineSyncTestCluster.StartAsync(fixture.ConnectionString, siloRoles: ["taste", "model"]);
        var tasteSilo = SiloWithRole(cluster, "taste");
        var modelSilo = SiloWithRole(cluster, "model");

        // Fresh users are placed at random over both silos; each asks a model worker for its (popular) recommendations.
        for (var i = 0; i < 60; i++)
        {
            var list = await cluster.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId()).GetRecommendationsAsync(new RecommendationQuery(3));
            Assert.NotEmpty(list.Items);
        }

        var activations = await cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var users = activations.Where(a => a.GrainType.Contains("UserTasteGrain", StringComparison.Ordinal)).ToList();
        var models = activations.Where(a => a.GrainType.Contains("ModelGrain", StringComparison.Ordinal) && a.ActivationCount > 0).ToList();
        Assert.Contains(users, a => a.SiloAddress == tasteSilo && a.ActivationCount > 0); // calls really came from the taste-only silo
        Assert.True(models.Count > 0, string.Join(", ", activations.Select(a => $"{a.GrainType}@{a.SiloAddress}={a.ActivationCount}")));
        Assert.All(models, a => Assert.Equal(modelSilo, a.SiloAddress));
    }

    [Fact]
    public async Task Without_a_model_silo_recommendations_say_they_are_warming_up()
    {
        await using var cluster = await CineSyncTestCluster.StartAsync(fixture.ConnectionString, siloRoles: ["taste"]);
        var user = cluster.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId());

        var refusal = await Assert.ThrowsAsync<ModelNotReadyException>(() => user.GetRecommendationsAsync(new RecommendationQuery(5)));
        Assert.Contains("warming up", refusal.Message, StringComparison.Ordinal);

        // A rating is still committed and acknowledged: only the taste vector waits for a model silo.
        var receipt = await user.RateAsync(2571, 4f);
        Assert.Equal(1, receipt.RatingCount);
    }

    private static SiloAddress SiloWithRole(CineSyncTestCluster cluster, string role)
    {
        var metadata = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ISiloMetadataCache>();
        return cluster.Cluster.Silos.Select(s => s.SiloAddress).Single(s => metadata.GetSiloMetadata(s).Metadata["role"] == role);
    }
}
