using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Testing;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>Emulated interactions carry at least every field Discord's own (fixture) interactions carry.</summary>
public sealed class FixtureFidelitySelfTests
{
    [Fact]
    public async Task SlashCommandWithUserOptionsHasEveryFieldOfTheWatchPartyFixture()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedPaths.DiscordFixtures, "authored", "interaction-watchparty-two-users.json")))!.AsObject();
        await using var scene = await Scene.StartAsync();
        var bob = scene.Discord.CreateUser("bob");

        await scene.Discord.SendSlashCommandAsync(scene.Alice, scene.Channel, "recommend", [CommandOption.ForUser("friend", bob)]);
        var emulated = (await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!.AsObject();

        AssertHasKeys(fixture, emulated, "$");
        AssertHasKeys(fixture["member"]!.AsObject(), emulated["member"]!.AsObject(), "$.member");
        AssertHasKeys(fixture["member"]!["user"]!.AsObject(), emulated["member"]!["user"]!.AsObject(), "$.member.user");
        var fixtureMember = fixture["data"]!["resolved"]!["members"]!.AsObject().First().Value!.AsObject();
        AssertHasKeys(fixtureMember, emulated["data"]!["resolved"]!["members"]![bob.IdString]!.AsObject(), "$.data.resolved.members.*");
        var fixtureUser = fixture["data"]!["resolved"]!["users"]!.AsObject().First().Value!.AsObject();
        AssertHasKeys(fixtureUser, emulated["data"]!["resolved"]!["users"]![bob.IdString]!.AsObject(), "$.data.resolved.users.*");
    }

    [Fact]
    public async Task UserSelectHasEveryFieldOfTheDocumentedUserSelect()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedPaths.DiscordFixtures, "interactions", "component-user-select-partial.json")))!.AsObject();
        await using var scene = await Scene.StartAsync();
        var bob = scene.Discord.CreateUser("bob");
        var command = await scene.SendRecommendAsync();
        using (var reply = await scene.AnonymousHttp.PostAsync($"interactions/{command.Id}/{command.Token}/callback", EmulatorHarness.Json("""{"type":4,"data":{"components":[{"type":1,"components":[{"type":5,"custom_id":"party"}]}]}}""")))
        {
            Assert.True(reply.IsSuccessStatusCode);
        }

        await scene.Discord.SelectUsersAsync(scene.Alice, await command.WaitForOriginalMessageAsync(), "party", [bob]);
        var emulated = (await scene.Bot.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!["data"]!.AsObject();

        AssertHasKeys(fixture["data"]!.AsObject(), emulated, "$.data", except: ["id"]);
        AssertHasKeys(fixture["data"]!["resolved"]!["members"]!.AsObject().First().Value!.AsObject(), emulated["resolved"]!["members"]![bob.IdString]!.AsObject(), "$.data.resolved.members.*");
        AssertHasKeys(fixture["data"]!["resolved"]!["users"]!.AsObject().First().Value!.AsObject(), emulated["resolved"]!["users"]![bob.IdString]!.AsObject(), "$.data.resolved.users.*", except: ["clan", "bot"]); // the fixture's user is a bot; clan is deprecated
    }

    private static void AssertHasKeys(JsonObject fixture, JsonObject emulated, string path, string[]? except = null)
    {
        var missing = fixture.Select(pair => pair.Key).Where(key => !(except ?? []).Contains(key) && !emulated.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, $"{path} lacks {string.Join(", ", missing)}");
    }
}
