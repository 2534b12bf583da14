using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Discord.Emulator.Interactions;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>Titles as members type them: namesakes, years, typos and nonsense, with the alternatives one click away.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TitleChoiceTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = DiscordScene.Wait;

    [Theory]
    [InlineData("The Shining", "The Shining (1980)")]
    [InlineData("Dumb & Dumber", "Dumb & Dumber (Dumb and Dumber) (1994)")]
    [InlineData("Saw (2004)", "Saw (2004)")]
    [InlineData("Saw (2003)", "Saw (2003)")]
    public async Task Rating_a_title_namesakes_share_rates_the_one_meant(string typed, string rated)
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var reply = await scene.RunAsync(alice, "rate", CommandOption.String("title", typed), CommandOption.Number("stars", 5));

        Assert.Contains("Rated " + rated + " ★★★★★", reply.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task Rating_Saw_rates_the_most_rated_says_so_and_one_click_moves_the_rating_to_the_other()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var start = await scene.SendAsync(alice, "rate", CommandOption.String("title", "Saw"), CommandOption.Number("stars", 5));
        var reply = await start.WaitForReplyAsync(timeout: Wait);
        Assert.Contains("I took **Saw (2004)**", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Rated Saw (2004)", reply.Content, StringComparison.Ordinal);
        var other = Assert.Single(reply.InteractiveComponents, c => (string?)c["label"] == "Saw (2003)");

        var press = await scene.Discord.ClickButtonAsync(alice, reply, (string)other["custom_id"]!);
        await press.WaitForResponseAsync(Wait);
        var moved = await start.WaitForOriginalMessageAsync(m => m.Content.Contains("Rated Saw (2003)", StringComparison.Ordinal), Wait);
        Assert.Empty(moved.InteractiveComponents);

        var again2004 = await scene.RunAsync(alice, "rate", CommandOption.String("title", "Saw (2004)"), CommandOption.Number("stars", 3));
        var again2003 = await scene.RunAsync(alice, "rate", CommandOption.String("title", "Saw (2003)"), CommandOption.Number("stars", 3));
        Assert.DoesNotContain(", was", again2004.Content, StringComparison.Ordinal);
        Assert.Contains(", was 5.0", again2003.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task Why_for_a_shared_title_explains_the_most_rated_and_offers_the_namesake()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var start = await scene.SendAsync(alice, "why", CommandOption.String("title", "The Shining"));
        var reply = await start.WaitForReplyAsync(until: m => !m.IsLoading, timeout: Wait);
        Assert.Contains("The Shining (1980)", reply.EmbedText, StringComparison.Ordinal);
        var other = Assert.Single(reply.InteractiveComponents, c => (string?)c["label"] == "The Shining (1997)");

        await scene.Discord.ClickButtonAsync(alice, reply, (string)other["custom_id"]!);
        await start.WaitForOriginalMessageAsync(m => m.EmbedText.Contains("The Shining (1997)", StringComparison.Ordinal), Wait);
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task A_typo_is_taken_for_the_closest_title_and_the_reply_says_so()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var reply = await scene.RunAsync(alice, "rate", CommandOption.String("title", "Matirx"), CommandOption.Number("stars", 4));

        Assert.Contains("No film is called exactly 'Matirx': I took **The Matrix (1999)**", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Rated The Matrix (1999)", reply.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task A_5000_character_title_gets_a_short_clear_refusal()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");
        var huge = string.Concat(Enumerable.Repeat("The Shining ", 420));

        foreach (var command in new[] { "rate", "why", "similar" })
        {
            var reply = await scene.RunAsync(alice, command, CommandOption.String("title", huge));
            Assert.True(reply.IsEphemeral);
            Assert.InRange(reply.Content.Length, 1, 2000);
            Assert.Contains("at most 200", reply.Content, StringComparison.Ordinal);
            Assert.DoesNotContain("something went wrong", reply.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_option_that_carries_a_title_is_registered_with_a_max_length()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);

        var titles = scene.Discord.GuildCommands(scene.Guild)
            .SelectMany(c => (c["options"]?.AsArray() ?? []).Select(o => (Command: (string?)c["name"], Option: o!)))
            .Where(x => (string?)x.Option["name"] == "title")
            .ToList();

        Assert.Equal(["rate", "similar", "why"], titles.Select(t => t.Command).Order(StringComparer.Ordinal));
        Assert.All(titles, t => Assert.Equal(200, (int?)t.Option["max_length"]));
    }
}
