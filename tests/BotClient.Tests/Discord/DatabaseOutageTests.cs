using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Grains.Interfaces;
using CineSync.Testing;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>What a Discord user reads while PostgreSQL is down, and right after it is back.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private PrivatePostgres _postgres = null!;
    private CineSyncTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        await DatabaseMigrator.MigrateAsync(_postgres.ConnectionString);
        await new CatalogImporter(_postgres.ConnectionString).ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));
        _cluster = await CineSyncTestCluster.StartAsync(_postgres.ConnectionString);

        // Load the catalogue now, as a running bot has long since, so the first /rate is not the one paying for it.
        await _cluster.Client.GetGrain<ICatalogueGrain>(0).SearchAsync("matrix", 5);
    }

    [Fact]
    public async Task A_rating_while_the_database_is_down_is_answered_with_try_again_and_succeeds_once_it_is_back()
    {
        await using var scene = await DiscordScene.StartAsync(_cluster.Client);
        var (alice, bob) = (scene.NewUser("alice"), scene.NewUser("bob"));
        var first = await scene.RunAsync(alice, "rate", CommandOption.String("title", "The Matrix (1999)"), CommandOption.Number("stars", 4.5));
        Assert.Contains("Rated The Matrix (1999)", first.Content, StringComparison.Ordinal);

        await _postgres.StopAsync();

        var warm = await scene.RunAsync(alice, "rate", CommandOption.String("title", "Heat (1995)"), CommandOption.Number("stars", 4));
        var cold = await scene.RunAsync(bob, "rate", CommandOption.String("title", "Heat (1995)"), CommandOption.Number("stars", 4));
        Assert.Equal(StorageUnavailableException.CouldNotSave, warm.Content);
        Assert.Equal(StorageUnavailableException.CouldNotLoad, cold.Content);
        Assert.All(new[] { warm, cold }, reply => Assert.True(reply.IsEphemeral, reply.Content));

        await _postgres.RestartAsync();

        var again = await scene.RunAsync(alice, "rate", CommandOption.String("title", "Heat (1995)"), CommandOption.Number("stars", 4));
        var bobAgain = await scene.RunAsync(bob, "rate", CommandOption.String("title", "Heat (1995)"), CommandOption.Number("stars", 4));
        Assert.Contains("Rated Heat (1995)", again.Content, StringComparison.Ordinal);
        Assert.Contains("Rated Heat (1995)", bobAgain.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }
}
