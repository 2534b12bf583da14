using CineSync.Database.Migrations;
using CineSync.Runtime.Tests.Grains;
using CineSync.Testing;

namespace CineSync.Runtime.Tests.Storage;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task Grain_state_in_postgres_survives_a_silo_restart()
    {
        var cs = await PostgresServer.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(cs);
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe, configure: s => s.AddPostgresGrainStorage("Default", cs));
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(5);
        await counter.IncrementAndSave();
        await counter.IncrementAndSave();

        await silo.StopSiloAsync();
        await silo.StartSiloAsync();

        Assert.Equal(2, await silo.GrainFactory.GetGrain<ICounterGrain>(5).GetSaved());
        Assert.Equal(3, await silo.GrainFactory.GetGrain<ICounterGrain>(5).IncrementAndSave());
    }

    [Fact]
    public async Task A_stale_duplicate_activation_cannot_overwrite_newer_state()
    {
        // Two silos sharing one database: what a brief duplicate activation during a membership change looks like.
        var cs = await PostgresServer.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(cs);
        await using var first = await Silo.StartAsync(new TestProbe(), configure: s => s.AddPostgresGrainStorage("Default", cs));
        await using var second = await Silo.StartAsync(new TestProbe(), configure: s => s.AddPostgresGrainStorage("Default", cs));
        Assert.Equal(1, await first.GrainFactory.GetGrain<ICounterGrain>(8).IncrementAndSave());

        Assert.Equal(2, await second.GrainFactory.GetGrain<ICounterGrain>(8).IncrementAndSave());
        await Assert.ThrowsAsync<InconsistentStateException>(() => first.Client.GetGrain<ICounterGrain>(8).IncrementAndSave());

        await second.StopSiloAsync();
        await second.StartSiloAsync();
        Assert.Equal(2, await second.GrainFactory.GetGrain<ICounterGrain>(8).GetSaved());
    }
}
