using CineSync.Testing;
using CineSync.Bot.Hosting;
using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Discord.Emulator.Interactions;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>
/// Discord's 3-second deadline holds when the cluster is slow: slow commands think first, fast ones have a safety net.
/// Discord, the bot and the slow catalogue share one clock that only the test moves, so "2.6 s late" is 2.6 s of bot
/// time on any machine, and the deadline is checked in that time.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AcknowledgementTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(2600);

    [Fact]
    public async Task Every_interaction_is_acknowledged_within_three_seconds_when_the_cluster_is_slow()
    {
        var defaults = new DiscordBotOptions();
        var clock = new TestClock(TimeProvider.System.GetUtcNow());
        await using var scene = await DiscordScene.StartAsync(new SlowCatalogueFactory(cluster.Silo.Client, Slow, clock), time: clock);
        var alice = scene.NewUser("alice");

        // Both handlers are waiting on the catalogue; /trending (slow by nature) gives it a short grace before
        // "thinking…", /rate (normally fast) the longer safety net.
        var mark = clock.Mark();
        var trending = await scene.SendAsync(alice, "trending");
        await clock.ArmedAsync(defaults.DeferredGrace, mark).WaitAsync(DiscordScene.Wait);
        mark = clock.Mark();
        var rate = await scene.SendAsync(alice, "rate", CommandOption.String("title", "Toy Story"), CommandOption.Number("stars", 4));
        await clock.ArmedAsync(defaults.AutoDeferAfter, mark).WaitAsync(DiscordScene.Wait);

        clock.Advance(defaults.DeferredGrace);
        Assert.Equal(5, (await trending.WaitForResponseAsync(DiscordScene.Wait)).Type);
        Assert.Null(rate.Response);

        clock.Advance(defaults.AutoDeferAfter - defaults.DeferredGrace);
        Assert.Equal(5, (await rate.WaitForResponseAsync(DiscordScene.Wait)).Type);

        clock.Advance(Slow - defaults.AutoDeferAfter);
        Assert.Contains("Trending", (await trending.WaitForReplyAsync(timeout: DiscordScene.Wait)).EmbedText, StringComparison.Ordinal);
        var rated = await rate.WaitForReplyAsync(timeout: DiscordScene.Wait);
        Assert.True(rated.IsEphemeral);
        Assert.Contains("Rated Toy Story (1995)", rated.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }
}
