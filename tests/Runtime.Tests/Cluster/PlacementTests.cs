namespace CineSync.Runtime.Tests.Cluster;

public sealed class PlacementTests
{
    [Fact]
    public async Task Grains_spread_over_every_silo_and_each_has_one_home_whichever_silo_is_asked()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, Clusters.Plain(3));

        var homes = new Dictionary<long, string>();
        for (var key = 0; key < 60; key++)
        {
            homes[key] = await cluster.Client.GetGrain<IJournalGrain>(key).Where();
        }

        Assert.Equal(["silo0", "silo1", "silo2"], homes.Values.Distinct().Order(StringComparer.Ordinal));

        // A call made inside any silo reaches the same activation: non-owners forward instead of activating.
        foreach (var silo in cluster.Silos)
        {
            for (var key = 0; key < 60; key += 7)
            {
                Assert.Equal(homes[key], await silo.GrainFactory.GetGrain<IJournalGrain>(key).Where());
            }
        }

        Assert.Equal(60, cluster.Silos.Sum(s => s.ActivationCount("journal")));
    }

    [Fact]
    public async Task A_grain_requiring_a_role_activates_only_on_silos_with_that_role()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, [], ["model"], []);

        for (var key = 0; key < 20; key++)
        {
            Assert.Equal("silo1", await cluster.Client.GetGrain<IModelJournalGrain>(key).Where());
            Assert.Equal("silo1", await cluster.Silos[0].GrainFactory.GetGrain<IModelJournalGrain>(key).Where());
        }

        // Stateless workers too: a silo without the role sends them to one that has it.
        Assert.Equal("silo1", await cluster.Silos[2].GrainFactory.GetGrain<IModelWorkerGrain>(0).Where());
        Assert.Equal(0, cluster.Silos[0].ActivationCount() + cluster.Silos[2].ActivationCount());
    }

    [Fact]
    public async Task Calling_a_role_grain_with_no_silo_of_that_role_fails_naming_the_role()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, Clusters.Plain(2));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.Client.GetGrain<IModelJournalGrain>(1).Where());

        Assert.Contains("'model'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_joining_takes_over_only_the_grains_it_now_owns()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, Clusters.Plain(2));
        var before = new Dictionary<long, string>();
        for (var key = 0; key < 60; key++)
        {
            before[key] = await cluster.Client.GetGrain<IJournalGrain>(key).Where();
        }

        await cluster.StartSiloAsync();
        await cluster.WaitForStableViewAsync(Clusters.Patience);

        var moved = 0;
        for (var key = 0; key < 60; key++)
        {
            var after = await cluster.Client.GetGrain<IJournalGrain>(key).Where();
            if (after != before[key])
            {
                Assert.Equal("silo2", after);
                moved++;
            }
        }

        Assert.InRange(moved, 1, 40);
    }
}
