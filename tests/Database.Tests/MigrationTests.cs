using CineSync.Database.Migrations;
using CineSync.Testing;

namespace CineSync.Database.Tests;

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
}
