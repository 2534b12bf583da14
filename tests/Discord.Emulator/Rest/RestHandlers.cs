using System.Globalization;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>The routes the emulator implements, keyed by the spec's <c>METHOD template</c>.</summary>
internal sealed partial class RestHandlers
{
    private readonly EmulatorState _state;
    private readonly Func<string> _gatewayUrl;
    private readonly Dictionary<string, RestHandler> _routes = new(StringComparer.Ordinal);

    public RestHandlers(EmulatorState state, Func<string> gatewayUrl)
    {
        _state = state;
        _gatewayUrl = gatewayUrl;

        Add("GET", "/gateway", GetGateway, authenticated: false);
        Add("GET", "/gateway/bot", GetGatewayBot);
        Add("GET", "/users/@me", _ => RestResult.Ok(_state.BotUser.ToJson()));
        Add("GET", "/applications/@me", GetApplication);

        Add("GET", "/applications/{application_id}/commands", GetCommands);
        Add("PUT", "/applications/{application_id}/commands", PutCommands);
        Add("GET", "/applications/{application_id}/guilds/{guild_id}/commands", GetCommands);
        Add("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", PutCommands);

        Add("POST", "/interactions/{interaction_id}/{interaction_token}/callback", PostCallback, authenticated: false);
        Add("POST", "/webhooks/{webhook_id}/{webhook_token}", PostFollowUp, authenticated: false);
        foreach (var message in new[] { "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" })
        {
            Add("GET", message, GetWebhookMessage, authenticated: false);
            Add("PATCH", message, PatchWebhookMessage, authenticated: false);
            Add("DELETE", message, DeleteWebhookMessage, authenticated: false);
        }

        Add("POST", "/channels/{channel_id}/messages", PostChannelMessage);
        Add("GET", "/channels/{channel_id}/messages/{message_id}", GetChannelMessage);
        Add("PATCH", "/channels/{channel_id}/messages/{message_id}", PatchChannelMessage);
        Add("DELETE", "/channels/{channel_id}/messages/{message_id}", DeleteChannelMessage);
    }

    public RestHandler? Find(string method, string template) => _routes.GetValueOrDefault($"{method} {template}");

    private void Add(string method, string template, Func<RestRequest, RestResult> handle, bool authenticated = true) =>
        _routes[$"{method} {template}"] = new RestHandler(authenticated, handle);

    private RestResult GetGateway(RestRequest request) => RestResult.Ok(new JsonObject { ["url"] = _gatewayUrl() });

    private RestResult GetGatewayBot(RestRequest request) => RestResult.Ok(new JsonObject
    {
        ["url"] = _gatewayUrl(),
        ["shards"] = _state.Options.RecommendedShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = 999,
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = _state.Options.MaxConcurrency,
        },
    });

    private RestResult GetApplication(RestRequest request) => RestResult.Ok(new JsonObject
    {
        ["id"] = _state.BotUser.IdString,
        ["name"] = _state.Options.BotUsername,
        ["icon"] = null,
        ["description"] = "",
        ["bot_public"] = true,
        ["bot_require_code_grant"] = false,
        ["verify_key"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        ["flags"] = 0,
        ["bot"] = _state.BotUser.ToJson(),
    });

    private bool IsOurApplication(RestRequest request, string parameter) =>
        request.Parameters.TryGetValue(parameter, out var id) && id == _state.BotUser.IdString;

    private static ulong? ParseId(string text) => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>A route's handler.</summary>
/// <param name="RequiresAuthentication">Whether <c>Authorization: Bot …</c> is mandatory.</param>
/// <param name="Handle">The handler.</param>
internal sealed record RestHandler(bool RequiresAuthentication, Func<RestRequest, RestResult> Handle);
