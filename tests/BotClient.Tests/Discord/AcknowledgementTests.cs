using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Discord.Emulator.Interactions;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>Discord's 3-second deadline holds when the cluster is slow: slow commands think first, fast ones have a safety net.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AcknowledgementTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(2600);

    [Fact]
    public async Task Every_interaction_is_acknowledged_within_three_seconds_when_the_cluster_is_slow()
    {
        await using var scene = await DiscordScene.StartAsync(new SlowCatalogueFactory(cluster.Silo.Client, Slow));
        var alice = scene.NewUser("alice");

        var trending = await scene.SendAsync(alice, "trending");
        var rate = await scene.SendAsync(alice, "rate", CommandOption.String("title", "Toy Story"), CommandOption.Number("stars", 4));

        Assert.Equal(5, (await trending.WaitForResponseAsync(DiscordScene.Wait)).Type);
        Assert.Contains("Trending", (await trending.WaitForReplyAsync(timeout: DiscordScene.Wait)).EmbedText, StringComparison.Ordinal);
        var rated = await rate.WaitForReplyAsync(timeout: DiscordScene.Wait);
        Assert.Equal(5, rate.Response!.Type);
        Assert.True(rated.IsEphemeral);
        Assert.Contains("Rated Toy Story (1995)", rated.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }
}
