using System.Net;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>Follow-ups, edits and deletes through the interaction webhook, and plain channel messages.</summary>
public sealed class WebhookSelfTests
{
    [Fact]
    public async Task CallbackWithResponseReturnsTheCreatedMessage()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();

        using var response = await scene.AnonymousHttp.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback?with_response=true", EmulatorHarness.Json("""{"type":4,"data":{"content":"Heat (1995)"}}"""));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(interaction.OriginalMessage!.IdString, (string?)body["interaction"]!["response_message_id"]);
        Assert.Equal("Heat (1995)", (string?)body["resource"]!["message"]!["content"]);
    }

    [Fact]
    public async Task FollowUpsCanBeEditedAndDeletedAndOriginalFetched()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();
        var webhook = $"webhooks/{scene.Discord.ApplicationId}/{interaction.Token}";
        using var ack = await scene.AnonymousHttp.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", EmulatorHarness.Json("""{"type":4,"data":{"content":"first"}}"""));

        using var created = await scene.AnonymousHttp.PostAsync(webhook, EmulatorHarness.Json("""{"content":"vote now","flags":64}"""));
        var followUpId = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        using var edited = await scene.AnonymousHttp.PatchAsync($"{webhook}/messages/{followUpId}", EmulatorHarness.Json("""{"content":"voting closed"}"""));
        using var original = await scene.AnonymousHttp.GetAsync($"{webhook}/messages/@original");
        using var deleted = await scene.AnonymousHttp.DeleteAsync($"{webhook}/messages/{followUpId}");
        using var gone = await scene.AnonymousHttp.GetAsync($"{webhook}/messages/{followUpId}");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("first", (string?)JsonNode.Parse(await original.Content.ReadAsStringAsync())!["content"]);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var followUp = Assert.Single(interaction.FollowUps);
        Assert.True(followUp.IsEphemeral);
        Assert.True(followUp.IsDeleted);
        Assert.Equal("voting closed", followUp.Content);
    }

    [Fact]
    public async Task AFollowUpAfterTheDeferredPlaceholderWasDeletedIsANewVisibleReply()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();
        var webhook = $"webhooks/{scene.Discord.ApplicationId}/{interaction.Token}";
        using var ack = await scene.AnonymousHttp.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", EmulatorHarness.Json("""{"type":5}"""));

        using var deleted = await scene.AnonymousHttp.DeleteAsync($"{webhook}/messages/@original");
        using var created = await scene.AnonymousHttp.PostAsync(webhook, EmulatorHarness.Json("""{"content":"I don't know that one","flags":64}"""));
        var reply = await interaction.WaitForReplyAsync(timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(reply.IsEphemeral);
        Assert.Equal("I don't know that one", reply.Content);
        Assert.True(interaction.OriginalMessage!.IsDeleted);
    }

    [Fact]
    public async Task ChannelMessageIsStoredAndEmptyMessagesAreRefused()
    {
        await using var scene = await Scene.StartAsync();

        using var posted = await scene.Http.PostAsync($"channels/{scene.Channel.IdString}/messages", EmulatorHarness.Json("""{"content":"Watch party starts!"}"""));
        using var empty = await scene.Http.PostAsync($"channels/{scene.Channel.IdString}/messages", EmulatorHarness.Json("""{"content":""}"""));
        using var unknown = await scene.Http.PostAsync("channels/123/messages", EmulatorHarness.Json("""{"content":"x"}"""));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Watch party starts!", Assert.Single(scene.Discord.Messages).Content);
        Assert.Contains("50006", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task WrongCallbackTypeForTheInteractionIsAContractViolation()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();

        using var response = await scene.AnonymousHttp.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", EmulatorHarness.Json("""{"type":7,"data":{"content":"update?"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("interactionCallbackType", Assert.Single(scene.Discord.ContractViolations).Violations[0].Rule);
    }
}
