using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Discord.Emulator.Interactions;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>The acceptance flows: the real bot on the Discord emulator, over a real silo with PostgreSQL and a trained model.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EndToEndTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = DiscordScene.Wait;

    [Fact]
    public async Task A_user_quick_rates_five_titles_and_a_title_they_thumb_down_is_gone_from_the_next_picks()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var rate = await scene.SendAsync(alice, "rate");
        await rate.WaitForResponseAsync(Wait);
        var inputs = Buttons.ModalInputs(rate.Modal ?? throw new Xunit.Sdk.XunitException("/rate without a title opened no form"));
        Assert.Equal(5, inputs.Count);
        string[] stars = ["4.5", "4", "5", "3.5", "4"];
        var submit = await scene.Discord.SubmitModalAsync(alice, rate, inputs.Select((id, i) => (id, stars[i])).ToDictionary(p => p.id, p => p.Item2));
        var rated = await submit.WaitForReplyAsync(m => m.Content.Contains("personal now", StringComparison.Ordinal), Wait);
        Assert.True(rated.IsEphemeral);

        var first = await scene.RunAsync(alice, "recommend", CommandOption.Integer("count", 5));
        var movies = Buttons.RecommendedMovies(first);
        Assert.Equal(5, movies.Count);
        Assert.Contains("Picked for you", first.EmbedText, StringComparison.Ordinal);
        Assert.Equal(15, Buttons.Ids(first).Count);

        var press = await scene.Discord.ClickButtonAsync(alice, first, Buttons.WithPrefix(first, "fb:dislike:")[0]);
        var noted = await press.WaitForReplyAsync(timeout: Wait);
        Assert.True(noted.IsEphemeral);
        Assert.Contains("won't suggest", noted.Content, StringComparison.Ordinal);

        var second = await scene.RunAsync(alice, "recommend", CommandOption.Integer("count", 5));
        Assert.NotEmpty(Buttons.RecommendedMovies(second));
        Assert.DoesNotContain(movies[0], Buttons.RecommendedMovies(second));
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task A_watch_party_of_three_shows_a_live_tally_and_settles_a_pick_by_votes()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var (alice, bob, carol, dave) = (scene.NewUser("alice"), scene.NewUser("bob"), scene.NewUser("carol"), scene.NewUser("dave"));

        var start = await scene.SendAsync(alice, "watch_party", CommandOption.ForUser("member1", bob), CommandOption.ForUser("member2", carol));
        var party = await start.WaitForOriginalMessageAsync(timeout: Wait);
        Assert.Contains("Watch party", party.EmbedText, StringComparison.Ordinal);
        var approve = Buttons.WithPrefix(party, "vote:").First(id => id.EndsWith(":1", StringComparison.Ordinal));

        var first = await scene.Discord.ClickButtonAsync(alice, party, approve);
        Assert.Equal(7, (await first.WaitForResponseAsync(Wait)).Type);
        var tallied = await start.WaitForOriginalMessageAsync(m => m.EmbedText.Contains("✅ 1", StringComparison.Ordinal), Wait);
        Assert.NotEmpty(tallied.InteractiveComponents);

        var outsider = await scene.Discord.ClickButtonAsync(dave, party, approve);
        var refused = await outsider.WaitForReplyAsync(timeout: Wait);
        Assert.True(refused.IsEphemeral);
        Assert.Contains("only invited members", refused.Content, StringComparison.Ordinal);

        await scene.Discord.ClickButtonAsync(bob, party, approve);
        var settled = await start.WaitForOriginalMessageAsync(m => m.EmbedText.Contains("Tonight", StringComparison.Ordinal), Wait);
        Assert.Empty(settled.InteractiveComponents);
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task After_the_gateway_drops_the_bot_resumes_and_answers_every_interaction()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");
        var before = await scene.RunAsync(alice, "trending");

        var inFlight = await scene.SendAsync(alice, "hidden_gems");
        await scene.Discord.Gateway.DropConnectionsAsync();
        var afterDrop = await scene.SendAsync(alice, "trending");
        var dropped = await scene.Discord.ClickButtonAsync(alice, before, Buttons.WithPrefix(before, "fb:like:")[0]);

        Assert.Contains("Hidden gems", (await inFlight.WaitForReplyAsync(timeout: Wait)).EmbedText, StringComparison.Ordinal);
        Assert.Contains("Trending", (await afterDrop.WaitForReplyAsync(timeout: Wait)).EmbedText, StringComparison.Ordinal);
        Assert.Contains("Noted", (await dropped.WaitForReplyAsync(timeout: Wait)).Content, StringComparison.Ordinal);
        Assert.True(scene.Discord.Gateway.ResumeCount >= 1, "the bot identified anew instead of resuming");
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task Under_a_429_storm_no_request_is_sent_before_retry_after_and_answers_still_arrive()
    {
        // No grace: slow commands defer at once, so both the callback and the edit of @original meet the storm.
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client, new Dictionary<string, string?> { ["Discord:DeferredGrace"] = "00:00:00" });
        var alice = scene.NewUser("alice");
        scene.Discord.RateLimits.StartStorm("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", TimeSpan.FromMilliseconds(400), count: 3);
        scene.Discord.RateLimits.StartStorm("/interactions/{interaction_id}/{interaction_token}/callback", TimeSpan.FromMilliseconds(200), count: 2);

        var trending = scene.SendAsync(alice, "trending");
        var gems = scene.SendAsync(alice, "hidden_gems");
        Assert.Contains("Trending", (await (await trending).WaitForReplyAsync(timeout: Wait)).EmbedText, StringComparison.Ordinal);
        Assert.Contains("Hidden gems", (await (await gems).WaitForReplyAsync(timeout: Wait)).EmbedText, StringComparison.Ordinal);

        Assert.True(scene.Discord.RateLimits.RateLimitedResponses >= 5, $"{scene.Discord.RateLimits.RateLimitedResponses} 429s");
        scene.AssertCleanRun();
    }
}
