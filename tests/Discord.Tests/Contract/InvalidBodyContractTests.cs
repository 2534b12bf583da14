using CineSync.Discord.Emulator.OpenApi;
using CineSync.Testing;

namespace CineSync.Discord.Tests.Contract;

/// <summary>Bodies Discord would refuse are refused here too, with the JSON path and the rule that broke.</summary>
public sealed class InvalidBodyContractTests
{
    private const string Callback = "/api/v10/interactions/1300000000000000001/A_UNIQUE_TOKEN/callback";
    private const string Commands = "/api/v10/applications/1200000000000000000/commands";
    private static readonly OpenApiContract Contract = OpenApiContract.Load(SharedPaths.DiscordOpenApiSpec);

    [Theory]
    [InlineData("POST", Callback, """{"data":{"content":"hi"}}""", "$.type", "required")]
    [InlineData("POST", Callback, """{"type":4,"data":{"content":42}}""", "$.data.content", "type")]
    [InlineData("POST", Callback, """{"type":4,"data":{"flags":"64"}}""", "$.data.flags", "type")]
    [InlineData("POST", Callback, """{"type":42}""", "$.type", "anyOf")]
    [InlineData("POST", Callback, """{"type":4,"data":{"components":[{"type":1,"components":[{"type":2,"style":9,"label":"x","custom_id":"a"}]}]}}""", "$.data.components[0].components[0].style", "enum")]
    [InlineData("POST", Callback, """{"type":4,"data":{"embeds":[{"title":"t","fields":[{"name":"n"}]}]}}""", "$.data.embeds[0].fields[0].value", "required")]
    [InlineData("PUT", Commands, """[{"name":"recommend","description":"d","options":[{"type":3,"name":"genre","description":"g","max_length":7000}]}]""", "$[0].options[0].max_length", "maximum")]
    [InlineData("PUT", Commands, """{"name":"recommend"}""", "$", "type")]
    [InlineData("PATCH", "/api/v10/webhooks/1200000000000000000/tok/messages/@original", """{"allowed_mentions":{"parse":["users","users"]}}""", "$.allowed_mentions.parse[1]", "uniqueItems")]
    public void InvalidBodyIsRejectedNamingThePathAndRule(string method, string path, string body, string expectedPath, string expectedRule)
    {
        var violations = Contract.ValidateRequest(method, path, body);

        Assert.Contains(violations, v => v.Path == expectedPath && v.Rule == expectedRule);
    }

    [Fact]
    public void TooLongContentIsRejectedWithTheLimitInTheMessage()
    {
        var body = $$$"""{"type":4,"data":{"content":"{{{new string('x', 2001)}}}"}}""";

        var violation = Assert.Single(Contract.ValidateRequest("POST", Callback, body));

        Assert.Equal("$.data.content", violation.Path);
        Assert.Equal("maxLength", violation.Rule);
        Assert.Contains("2000", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLongCustomIdInAButtonIsRejected()
    {
        var customId = new string('c', 101);
        var body = $$$"""{"type":7,"data":{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"Vote","custom_id":"{{{customId}}}"}]}]}}""";

        var violations = Contract.ValidateRequest("POST", Callback, body);

        Assert.Contains(violations, v => v.Path == "$.data.components[0].components[0].custom_id" && v.Rule == "maxLength");
    }

    [Fact]
    public void EmojiCountsAsOneCharacterLikeDiscordCountsIt()
    {
        var body = $$$"""{"type":4,"data":{"content":"{{{string.Concat(Enumerable.Repeat("🎬", 2000))}}}"}}""";

        Assert.Empty(Contract.ValidateRequest("POST", Callback, body));
    }

    [Fact]
    public void NonSnowflakePathParameterIsRejected()
    {
        var violations = Contract.ValidateRequest("POST", "/api/v10/channels/general/messages", """{"content":"hi"}""");

        Assert.Contains(violations, v => v.Path == "{channel_id}" && v.Rule == "pattern");
    }

    [Theory]
    [InlineData("PUT", "/api/v10/applications/1/commands", "/applications/{application_id}/commands")]
    [InlineData("PUT", "/api/v10/applications/1/guilds/2/commands", "/applications/{application_id}/guilds/{guild_id}/commands")]
    [InlineData("PATCH", "/api/v10/webhooks/1/tok/messages/@original", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")]
    [InlineData("PATCH", "/webhooks/1/tok/messages/5", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")]
    [InlineData("POST", "/api/v10/interactions/1/tok/callback?with_response=true", "/interactions/{interaction_id}/{interaction_token}/callback")]
    public void ConcretePathResolvesToItsTemplate(string method, string path, string template)
    {
        var match = Contract.FindOperation(method, path);

        Assert.NotNull(match);
        Assert.Equal(template, match.Operation.PathTemplate);
    }

    [Fact]
    public void UnknownOperationIsAViolation()
    {
        var violation = Assert.Single(Contract.ValidateRequest("POST", "/api/v10/movies/1", "{}"));

        Assert.Equal("operation", violation.Rule);
    }

    [Theory]
    [InlineData("\"0\"", true)]
    [InlineData("8", true)]
    [InlineData("\"admins\"", false)]
    public void PermissionBitSetsMayBeDecimalStringsAsTheDocsSay(string permissions, bool valid)
    {
        var body = $$"""[{"name":"delete_my_data","description":"d","default_member_permissions":{{permissions}}}]""";

        var violations = Contract.ValidateRequest("PUT", Commands, body);

        Assert.Equal(valid, violations.Count == 0);
    }
}
