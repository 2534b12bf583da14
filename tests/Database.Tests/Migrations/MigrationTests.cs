using CineSync.Database.Migrations;
using CineSync.Testing;

namespace CineSync.Database.Tests.Migrations;

public sealed class MigrationTests
{
    [Fact]
    public async Task An_empty_database_gets_every_migration_and_a_second_run_applies_none()
    {
        var db = await PostgresServer.CreateDatabaseAsync();
        var first = await DatabaseMigrator.MigrateAsync(db);
        Assert.Equal(DatabaseMigrator.All.Select(m => m.Name), first);
        Assert.Empty(await DatabaseMigrator.MigrateAsync(db));
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_apply_each_migration_exactly_once()
    {
        var db = await PostgresServer.CreateDatabaseAsync();

        var results = await Task.WhenAll(DatabaseMigrator.MigrateAsync(db), DatabaseMigrator.MigrateAsync(db));

        Assert.Equal(DatabaseMigrator.All.Select(m => m.Name), results.SelectMany(r => r).Order());
    }
}
