using CineSync.Testing;
using System.Net;
using System.Text.Json.Nodes;
using CineSync.Discord.Emulator;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Tests.Fakes;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>Scripted users produce full, realistic Interaction objects and the emulator tracks the answers.</summary>
public sealed class InteractionSelfTests
{
    [Fact]
    public async Task SlashCommandCarriesTheFullInteractionWithResolvedUsers()
    {
        await using var scene = await Scene.StartAsync();
        var bob = scene.Discord.CreateUser("bob", "Bob");

        await scene.Discord.SendSlashCommandAsync(scene.Alice, scene.Channel, "recommend", [CommandOption.Integer("count", 3), CommandOption.ForUser("friend", bob)]);
        var dispatch = await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE");
        var d = dispatch["d"]!;

        foreach (var field in new[] { "id", "application_id", "type", "data", "guild_id", "channel", "channel_id", "member", "token", "version", "app_permissions", "locale", "guild_locale", "entitlements", "authorizing_integration_owners", "context", "attachment_size_limit" })
        {
            Assert.True(d[field] is not null, $"INTERACTION_CREATE lacks {field}");
        }

        Assert.Equal(2, (int)d["type"]!);
        Assert.Equal(scene.Alice.IdString, (string?)d["member"]!["user"]!["id"]);
        Assert.Equal("recommend", (string?)d["data"]!["name"]);
        Assert.Equal(scene.Discord.GlobalCommands[0]["id"]!.ToString(), (string?)d["data"]!["id"]);
        Assert.Equal(3, (int)d["data"]!["options"]![0]!["value"]!);
        Assert.Equal(bob.IdString, (string?)d["data"]!["options"]![1]!["value"]);
        Assert.Equal("bob", (string?)d["data"]!["resolved"]!["users"]![bob.IdString]!["username"]);
        Assert.NotNull(d["data"]!["resolved"]!["members"]![bob.IdString]!["joined_at"]);
        Assert.Null(d["data"]!["resolved"]!["members"]![bob.IdString]!["user"]);
    }

    [Fact]
    public async Task UnregisteredCommandOrUnknownOptionIsRefusedLikeDiscordsClientWould()
    {
        await using var scene = await Scene.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => scene.Discord.SendSlashCommandAsync(scene.Alice, scene.Channel, "nope"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => scene.Discord.SendSlashCommandAsync(scene.Alice, scene.Channel, "recommend", [CommandOption.String("genre", "x")]));
    }

    [Fact]
    public async Task AutocompleteIsAnsweredWithChoices()
    {
        await using var scene = await Scene.StartAsync();
        var typing = await scene.Discord.SendAutocompleteAsync(scene.Alice, scene.Channel, "recommend", [CommandOption.String("title", "Mat", focused: true)]);
        var dispatch = await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE");

        using var response = await scene.AnonymousHttp.PostAsync($"interactions/{typing.Id}/{typing.Token}/callback",
            EmulatorHarness.Json("""{"type":8,"data":{"choices":[{"name":"The Matrix (1999)","value":"2571"}]}}"""));
        var callback = await typing.WaitForResponseAsync();

        Assert.Equal(4, (int)dispatch["d"]!["type"]!);
        Assert.True((bool)dispatch["d"]!["data"]!["options"]![0]!["focused"]!);
        Assert.Equal("The Matrix (1999)", (string?)Assert.Single(callback.Choices)["name"]);
    }

    [Fact]
    public async Task ButtonClickCarriesTheMessageAndUpdateMessageEditsIt()
    {
        await using var scene = await Scene.StartAsync();
        var command = await scene.SendRecommendAsync();
        await Reply(scene, command, """{"type":4,"data":{"content":"Alien (1979)","components":[{"type":1,"components":[{"type":2,"style":2,"label":"👎","custom_id":"fb:down:1"}]}]}}""");
        var message = await command.WaitForOriginalMessageAsync();

        var click = await scene.Discord.ClickButtonAsync(scene.Alice, message, "fb:down:1");
        var dispatch = await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE");
        await Reply(scene, click, """{"type":7,"data":{"content":"Noted: fewer like Alien","components":[]}}""");
        var updated = await click.WaitForOriginalMessageAsync(m => m.Version == 2);

        Assert.Equal(3, (int)dispatch["d"]!["type"]!);
        Assert.Equal("fb:down:1", (string?)dispatch["d"]!["data"]!["custom_id"]);
        Assert.Equal(2, (int)dispatch["d"]!["data"]!["component_type"]!);
        Assert.Equal(message.IdString, (string?)dispatch["d"]!["message"]!["id"]);
        Assert.Equal(message.Id, updated.Id);
        Assert.Equal("Noted: fewer like Alien", updated.Content);
    }

    [Fact]
    public async Task SelectsSendValuesAndResolvedUsers()
    {
        await using var scene = await Scene.StartAsync();
        var bob = scene.Discord.CreateUser("bob");
        var command = await scene.SendRecommendAsync();
        await Reply(scene, command, """
            {"type":4,"data":{"content":"Pick","components":[
              {"type":1,"components":[{"type":3,"custom_id":"genre","options":[{"label":"Horror","value":"horror"},{"label":"Comedy","value":"comedy"}]}]},
              {"type":1,"components":[{"type":5,"custom_id":"party","max_values":3}]}]}}
            """);
        var message = await command.WaitForOriginalMessageAsync();

        await scene.Discord.SelectStringsAsync(scene.Alice, message, "genre", ["comedy"]);
        var strings = await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE");
        await scene.Discord.SelectUsersAsync(scene.Alice, message, "party", [bob]);
        var users = await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE");

        Assert.Equal("""["comedy"]""", strings["d"]!["data"]!["values"]!.ToJsonString());
        Assert.Equal(5, (int)users["d"]!["data"]!["component_type"]!);
        Assert.Equal(bob.IdString, (string?)users["d"]!["data"]!["values"]![0]);
        Assert.NotNull(users["d"]!["data"]!["resolved"]!["members"]![bob.IdString]);
        Assert.Throws<InvalidOperationException>(() => { _ = scene.Discord.SelectStringsAsync(scene.Alice, message, "genre", ["western"]); });
    }

    [Fact]
    public async Task ModalSubmitMirrorsTheModalTheBotOpened()
    {
        await using var scene = await Scene.StartAsync();
        var command = await scene.SendRecommendAsync();
        await Reply(scene, command, """
            {"type":9,"data":{"custom_id":"quickrate","title":"Rate these","components":[
              {"type":18,"label":"Alien (1979)","component":{"type":4,"custom_id":"m:1","style":1,"required":false,"max_length":3}},
              {"type":1,"components":[{"type":4,"custom_id":"m:2","style":1,"label":"Heat (1995)","required":false}]}]}}
            """);
        await command.WaitForResponseAsync();

        var submit = await scene.Discord.SubmitModalAsync(scene.Alice, command, new Dictionary<string, string> { ["m:1"] = "4.5", ["m:2"] = "3" });
        var dispatch = await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE");
        var data = dispatch["d"]!["data"]!;

        Assert.Equal(5, submit.Type);
        Assert.Equal("quickrate", (string?)data["custom_id"]);
        Assert.Equal("4.5", (string?)data["components"]![0]!["component"]!["value"]);
        Assert.Equal(18, (int)data["components"]![0]!["type"]!);
        Assert.Equal("3", (string?)data["components"]![1]!["components"]![0]!["value"]);
    }

    [Fact]
    public async Task AcknowledgementAfterThreeSecondsIsMarkedLate()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var scene = await Scene.StartAsync(clock);
        var command = await scene.SendRecommendAsync();

        clock.Advance(TimeSpan.FromSeconds(3.5));
        await Reply(scene, command, """{"type":5}""");
        var callback = await command.WaitForResponseAsync();

        Assert.True(callback.IsLate);
        Assert.Equal(TimeSpan.FromSeconds(3.5), Assert.Single(scene.Discord.LateAcknowledgements).Elapsed);
    }

    [Fact]
    public async Task FollowUpBeforeAnyAcknowledgementIsUnknownWebhook()
    {
        await using var scene = await Scene.StartAsync();
        var command = await scene.SendRecommendAsync();

        using var response = await scene.AnonymousHttp.PostAsync($"webhooks/{scene.Discord.ApplicationId}/{command.Token}", EmulatorHarness.Json("""{"content":"too soon"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("10015", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task Reply(Scene scene, InteractionHandle interaction, string json)
    {
        using var response = await scene.AnonymousHttp.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", EmulatorHarness.Json(json));
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()} {string.Join("; ", scene.Discord.ContractViolations)}");
    }
}
