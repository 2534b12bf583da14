using System.Net.Http.Headers;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Rest.RateLimits;
using CineSync.Discord.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CineSync.Discord.Rest;

/// <summary>
/// Discord's REST API over one <see cref="HttpClient"/>: bot-token auth, per-bucket and global
/// rate limits, 429s waited out, bounded backoff on 5xx. Thread-safe; use one per bot.
/// </summary>
public sealed partial class DiscordRestClient
{
    private readonly HttpClient _http;
    private readonly DiscordRestClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimiter _rateLimiter;
    private readonly AuthenticationHeaderValue _authorization;

    /// <param name="http">The transport; its BaseAddress is ignored (<see cref="DiscordRestClientOptions.ApiBaseUrl"/> is used).</param>
    /// <param name="options">Token, base URL and limits.</param>
    /// <param name="time">The clock for rate-limit waits; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Optional logger.</param>
    public DiscordRestClient(HttpClient http, DiscordRestClientOptions options, TimeProvider? time = null, ILogger<DiscordRestClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _rateLimiter = new RateLimiter(_time, options.GlobalRequestsPerSecond);
        _authorization = new AuthenticationHeaderValue("Bot", options.Token);
    }

    /// <summary>The API root this client calls.</summary>
    public Uri ApiBaseUrl => _options.ApiBaseUrl;

    /// <summary>GET /gateway/bot: gateway URL, recommended shard count and identify concurrency.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default)
    {
        var route = new RestRoute(HttpMethod.Get, "gateway/bot", "gateway/bot", "");
        var json = await SendAsync(route, null, DiscordJsonContext.Default.JsonGatewayBot, cancellationToken).ConfigureAwait(false)
            ?? throw new DiscordRestException("GET /gateway/bot returned no body.");
        return new GatewayBotInfo(
            new Uri(json.Url),
            Math.Max(1, json.Shards ?? 1),
            Math.Max(1, json.SessionStartLimit?.MaxConcurrency ?? 1),
            json.SessionStartLimit?.Remaining ?? int.MaxValue);
    }

    /// <summary>GET /users/@me: the bot user.</summary>
    public Task<JsonUser?> GetCurrentUserAsync(CancellationToken cancellationToken = default)
        => SendAsync(new RestRoute(HttpMethod.Get, "users/@me", "users/@me", ""), null, DiscordJsonContext.Default.JsonUser, cancellationToken);

    /// <summary>GET /applications/@me: the bot's application (its id is needed to register commands).</summary>
    public Task<JsonApplication?> GetCurrentApplicationAsync(CancellationToken cancellationToken = default)
        => SendAsync(new RestRoute(HttpMethod.Get, "applications/@me", "applications/@me", ""), null, DiscordJsonContext.Default.JsonApplication, cancellationToken);
}
