using CineSync.Testing;
using System.Text.Json;
using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Discord.Emulator.Interactions;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>Focused behaviours of the bot on Discord: autocomplete, ownership of buttons, errors, privacy, the token.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InteractionTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = DiscordScene.Wait;

    [Fact]
    public async Task Title_autocomplete_tolerates_typos()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var typing = await scene.Discord.SendAutocompleteAsync(alice, scene.Channel, "rate", [CommandOption.String("title", "Matirx", focused: true)]);
        var answer = await typing.WaitForResponseAsync(Wait);

        Assert.Equal(8, answer.Type);
        Assert.Contains(answer.Choices, c => ((string?)c["name"] ?? "").StartsWith("The Matrix (1999)", StringComparison.Ordinal));
        var value = (string?)answer.Choices.First(c => ((string?)c["name"] ?? "").StartsWith("The Matrix (1999)", StringComparison.Ordinal))["value"];
        var rated = await scene.RunAsync(alice, "rate", CommandOption.String("title", value!), CommandOption.Number("stars", 4.5));
        Assert.Contains("Rated The Matrix (1999)", rated.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task Pressing_another_users_feedback_buttons_is_refused_privately()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var (alice, bob) = (scene.NewUser("alice"), scene.NewUser("bob"));
        var picks = await scene.RunAsync(alice, "recommend", CommandOption.Integer("count", 3));

        foreach (var prefix in new[] { "fb:dislike:", "rate:" })
        {
            var press = await scene.Discord.ClickButtonAsync(bob, picks, Buttons.WithPrefix(picks, prefix)[0]);
            var refusal = await press.WaitForReplyAsync(timeout: Wait);
            Assert.True(refusal.IsEphemeral);
            Assert.Contains("belong to someone else", refusal.Content, StringComparison.Ordinal);
        }

        scene.AssertCleanRun();
    }

    [Fact]
    public async Task Errors_are_private_and_human()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");

        var typo = await scene.RunAsync(alice, "why", CommandOption.String("title", "Mtrx Rldd"));
        var unknown = await scene.RunAsync(alice, "similar", CommandOption.String("title", "Zqxwv Plorb"));
        var alone = await scene.RunAsync(alice, "watch_party", CommandOption.ForUser("member1", alice));

        Assert.All(new[] { typo, unknown, alone }, reply => Assert.True(reply.IsEphemeral, reply.Content));
        Assert.Contains("did you mean ", typo.Content, StringComparison.Ordinal);
        Assert.Contains("The Matrix", typo.Content, StringComparison.Ordinal);
        Assert.Contains("I don't know a movie called 'Zqxwv Plorb'", unknown.Content, StringComparison.Ordinal);
        Assert.Contains("at least one other member", alone.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Discord.Messages, m => !m.IsEphemeral && !m.IsDeleted && m.Content.Contains("movie called", StringComparison.Ordinal));
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task Export_sends_a_private_json_file_and_delete_needs_confirmation()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");
        await scene.RunAsync(alice, "rate", CommandOption.String("title", "Toy Story"), CommandOption.Number("stars", 5));

        var export = await scene.RunAsync(alice, "export_my_data");
        Assert.True(export.IsEphemeral);
        var file = Assert.Single(export.Attachments);
        Assert.EndsWith(".json", file.FileName, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(file.Content))
        {
            Assert.Contains("Toy Story", json.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        var ask = await scene.RunAsync(alice, "delete_my_data");
        Assert.True(ask.IsEphemeral);
        var confirm = await scene.Discord.ClickButtonAsync(alice, ask, Buttons.WithPrefix(ask, "del:yes:")[0]);
        await confirm.WaitForResponseAsync(Wait);
        var done = await confirm.WaitForOriginalMessageAsync(m => m.Content.Contains("starting fresh", StringComparison.Ordinal), Wait);
        Assert.Empty(done.InteractiveComponents);
        var stats = await scene.RunAsync(alice, "my_stats");
        Assert.Contains("haven't rated anything", stats.Content, StringComparison.Ordinal);
        scene.AssertCleanRun();
    }

    [Fact]
    public async Task The_bot_token_never_appears_in_the_logs()
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");
        await scene.RunAsync(alice, "my_stats");
        await scene.RunAsync(alice, "why", CommandOption.String("title", "Zqxwv Plorb"));
        await scene.Discord.Gateway.DropConnectionsAsync();
        await scene.RunAsync(alice, "trending");

        Assert.NotEmpty(scene.Logs.Lines);
        Assert.DoesNotContain(scene.Logs.Lines, line => line.Contains(scene.Discord.BotToken, StringComparison.Ordinal));
        Assert.DoesNotContain(scene.Logs.Lines, line => line.Contains(scene.Discord.BotToken.Split('.')[^1], StringComparison.Ordinal));
    }
}
