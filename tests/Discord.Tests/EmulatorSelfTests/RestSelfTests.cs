using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Interactions;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>The emulated REST API answers, validates and records like Discord.</summary>
public sealed class RestSelfTests
{
    [Fact]
    public async Task CallbackIsRecordedAndBecomesTheOriginalMessage()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();

        using var response = await scene.AnonymousHttp.PostAsync(
            $"interactions/{interaction.Id}/{interaction.Token}/callback",
            EmulatorHarness.Json("""{"type":4,"data":{"content":"Try Alien (1979)","flags":64}}"""));
        var callback = await interaction.WaitForResponseAsync();
        var original = await interaction.WaitForOriginalMessageAsync();
        var recorded = Assert.Single(scene.Discord.Requests, r => r.Route == "/interactions/{interaction_id}/{interaction_token}/callback");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(4, callback.Type);
        Assert.False(callback.IsLate);
        Assert.True(callback.IsEphemeral);
        Assert.Equal("Try Alien (1979)", original.Content);
        Assert.Equal(204, recorded.Status);
        Assert.Contains("\"content\":\"Try Alien (1979)\"", recorded.Body, StringComparison.Ordinal);
        Assert.Empty(scene.Discord.ContractViolations);
    }

    [Fact]
    public async Task RecordedHeadersNeverContainTheToken()
    {
        await using var scene = await Scene.StartAsync();

        using var response = await scene.Http.GetAsync("users/@me");
        var recorded = scene.Discord.Requests[^1];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bot [redacted]", recorded.Headers["Authorization"]);
        Assert.DoesNotContain(scene.Discord.Requests, r => r.Headers.Values.Any(v => v.Contains(scene.Discord.BotToken, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InvalidBodyIsAnswered50035AndRecordedAsAContractViolation()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();

        using var response = await scene.AnonymousHttp.PostAsync(
            $"interactions/{interaction.Id}/{interaction.Token}/callback",
            EmulatorHarness.Json($$$"""{"type":4,"data":{"content":"{{{new string('x', 2001)}}}"}}"""));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var violation = Assert.Single(scene.Discord.ContractViolations);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50035, (int)body["code"]!);
        Assert.Equal("Invalid Form Body", (string?)body["message"]);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", (string?)body["errors"]!["data"]!["content"]!["_errors"]![0]!["code"]);
        Assert.Equal("$.data.content", violation.Violations[0].Path);
        Assert.Null(interaction.Response); // a refused callback does not acknowledge
    }

    [Fact]
    public async Task SecondAcknowledgementIsRefusedWith40060()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();
        var url = $"interactions/{interaction.Id}/{interaction.Token}/callback";

        using var first = await scene.AnonymousHttp.PostAsync(url, EmulatorHarness.Json("""{"type":5}"""));
        using var second = await scene.AnonymousHttp.PostAsync(url, EmulatorHarness.Json("""{"type":4,"data":{"content":"again"}}"""));
        var body = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(40060, (int)body["code"]!);
    }

    [Fact]
    public async Task UnknownInteractionIs10062()
    {
        await using var scene = await Scene.StartAsync();

        using var response = await scene.AnonymousHttp.PostAsync("interactions/1300000000000000001/nope/callback", EmulatorHarness.Json("""{"type":4,"data":{"content":"x"}}"""));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(10062, (int)body["code"]!);
    }

    [Fact]
    public async Task BotRoutesRequireTheBotToken()
    {
        await using var scene = await Scene.StartAsync();
        using var wrong = EmulatorHarness.Http(scene.Discord, authenticated: false);
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", "wrong");

        using var missing = await scene.AnonymousHttp.GetAsync("users/@me");
        using var forged = await wrong.GetAsync("users/@me");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task GatewayBotReportsTheGatewayShardsAndConcurrency()
    {
        await using var scene = await Scene.StartAsync();

        var body = JsonNode.Parse(await scene.Http.GetStringAsync("gateway/bot"))!;

        Assert.Equal(scene.Discord.GatewayUrl, (string?)body["url"]);
        Assert.Equal(1, (int)body["shards"]!);
        Assert.Equal(1, (int)body["session_start_limit"]!["max_concurrency"]!);
    }

    [Fact]
    public async Task DeferredReplyIsFilledByTheFirstFollowUp()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();

        using var defer = await scene.AnonymousHttp.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", EmulatorHarness.Json("""{"type":5,"data":{"flags":64}}"""));
        var placeholder = await interaction.WaitForOriginalMessageAsync(message => message.IsLoading);
        using var followUp = await scene.AnonymousHttp.PostAsync($"webhooks/{scene.Discord.ApplicationId}/{interaction.Token}", EmulatorHarness.Json("""{"content":"Here are 3 picks"}"""));
        var original = await interaction.WaitForOriginalMessageAsync();

        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.True(placeholder.IsEphemeral);
        Assert.Equal(placeholder.Id, original.Id);
        Assert.Equal("Here are 3 picks", original.Content);
        Assert.Empty(interaction.FollowUps);
    }

    [Fact]
    public async Task MultipartCallbackStoresTheFileAndValidatesPayloadJson()
    {
        await using var scene = await Scene.StartAsync();
        var interaction = await scene.SendRecommendAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"type":4,"data":{"content":"Your data","flags":64,"attachments":[{"id":"0","filename":"ratings.json"}]}}"""), "payload_json" },
        };
        var file = new ByteArrayContent("""{"ratings":[]}"""u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "files[0]", "ratings.json");

        using var response = await scene.AnonymousHttp.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", form);
        var original = await interaction.WaitForOriginalMessageAsync();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var attachment = Assert.Single(original.Attachments);
        Assert.Equal("ratings.json", attachment.FileName);
        Assert.Equal("""{"ratings":[]}""", System.Text.Encoding.UTF8.GetString(attachment.Content.Span));
        Assert.Equal(["ratings.json"], scene.Discord.Requests[^1].Files);
    }

    [Fact]
    public async Task BulkOverwriteKeepsTheIdsOfSurvivingCommands()
    {
        await using var scene = await Scene.StartAsync();
        var before = scene.Discord.GlobalCommands.Single(c => (string?)c["name"] == "recommend");

        await EmulatorHarness.RegisterCommandsAsync(scene.Http, scene.Discord);
        var after = scene.Discord.GlobalCommands.Single(c => (string?)c["name"] == "recommend");

        Assert.Equal((string?)before["id"], (string?)after["id"]);
    }

    [Fact]
    public async Task UrlThatIsNoDiscordOperationIsAContractViolation()
    {
        await using var scene = await Scene.StartAsync();

        using var response = await scene.Http.PostAsync("interactions/1/tok/callbacks", EmulatorHarness.Json("""{"type":1}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("operation", Assert.Single(scene.Discord.ContractViolations).Violations[0].Rule);
    }
}
