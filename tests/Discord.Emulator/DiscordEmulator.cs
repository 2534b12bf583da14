using System.Globalization;
using CineSync.Discord.Emulator.Gateway;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Model;
using CineSync.Discord.Emulator.OpenApi;
using CineSync.Discord.Emulator.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Discord.Emulator;

/// <summary>
/// A local Discord for end-to-end tests: gateway (WebSocket) and REST (<c>/api/v10</c>) on 127.0.0.1 with an
/// ephemeral port. Scripted users send interactions; every REST call is validated against Discord's OpenAPI
/// spec, rate-limited and recorded.
/// <code>await using var discord = await DiscordEmulator.StartAsync(new() { OpenApiSpecPath = SharedPaths.DiscordOpenApiSpec });</code>
/// </summary>
public sealed partial class DiscordEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private string _origin = "";

    private DiscordEmulator(DiscordEmulatorOptions options)
    {
        _state = new EmulatorState(options);
        Contract = OpenApiContract.Load(options.OpenApiSpecPath);
        RateLimits = new RateLimitSimulator(options);
        Gateway = new EmulatedGateway(_state, () => GatewayUrl);
        _state.GatewaySummary = () => string.Join(", ", Gateway.Events.TakeLast(10));
        var handlers = new RestHandlers(_state, () => GatewayUrl);
        var rest = new RestPipeline(_state, Contract, RateLimits, handlers);

        // The empty builder reads no appsettings and watches no files: many emulators per test run stay cheap.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddWebSockets(_ => { });
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "";
            if (path.StartsWith("/gateway", StringComparison.Ordinal) && http.WebSockets.IsWebSocketRequest)
            {
                using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
                await Gateway.AcceptAsync(socket, path + http.Request.QueryString, http.RequestAborted).ConfigureAwait(false);
            }
            else if (path.StartsWith("/api/v10/", StringComparison.Ordinal))
            {
                await rest.HandleAsync(http).ConfigureAwait(false);
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
    }

    /// <summary>The REST base, e.g. <c>http://127.0.0.1:40123/api/v10</c>.</summary>
    public string ApiBaseUrl => _origin + "/api/v10";

    /// <summary>The gateway URL, e.g. <c>ws://127.0.0.1:40123/gateway</c> (also returned by GET /gateway/bot).</summary>
    public string GatewayUrl => "ws" + _origin["http".Length..] + "/gateway";

    /// <summary>The token the bot must use.</summary>
    public string BotToken => _state.Options.BotToken;

    /// <summary>The application id (= the bot user's id).</summary>
    public ulong ApplicationId => _state.Options.ApplicationId;

    /// <summary>The bot's user.</summary>
    public EmulatedUser BotUser => _state.BotUser;

    /// <summary>The compiled OpenAPI contract every request body is checked against.</summary>
    public OpenApiContract Contract { get; }

    /// <summary>Gateway control: drop, reconnect, invalidate, close codes, zombie heartbeats.</summary>
    public EmulatedGateway Gateway { get; }

    /// <summary>Rate-limit buckets, 429 storms and early retries.</summary>
    public RateLimitSimulator RateLimits { get; }

    /// <summary>Every REST call, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _state.Requests];

    /// <summary>Request bodies that broke the OpenAPI contract (answered 400 50035). Should stay empty.</summary>
    public IReadOnlyList<ContractViolation> ContractViolations => [.. _state.Violations];

    /// <summary>Interactions acknowledged after the 3 s deadline. Should stay empty.</summary>
    public IReadOnlyList<LateAcknowledgement> LateAcknowledgements => [.. _state.LateAcknowledgements];

    /// <summary>Messages the bot created, latest version of each, in creation order.</summary>
    public IReadOnlyList<EmulatedMessage> Messages => [.. _state.Messages.Values.OrderBy(message => message.Id)];

    /// <summary>Registered global commands (as returned by the bulk overwrite).</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> GlobalCommands => Commands("");

    /// <summary>Starts an emulator on an ephemeral loopback port.</summary>
    public static async Task<DiscordEmulator> StartAsync(DiscordEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var emulator = new DiscordEmulator(options);
        await emulator._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = emulator._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator._origin = address.TrimEnd('/');
        return emulator;
    }

    /// <summary>Guild-scoped commands registered for <paramref name="guild"/>.</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> GuildCommands(EmulatedGuild guild)
    {
        ArgumentNullException.ThrowIfNull(guild);
        return Commands(guild.IdString);
    }

    /// <summary>Creates a guild; pass <paramref name="id"/> to place it on a chosen shard.</summary>
    public EmulatedGuild CreateGuild(string name, ulong? id = null)
    {
        var guild = new EmulatedGuild(id ?? _state.Ids.Next(), name, () => _state.Ids.Next(), _state.Time);
        guild.ChannelCreated = channel => _state.Channels[channel.Id] = channel;
        _state.Guilds[guild.Id] = guild;
        return guild;
    }

    /// <summary>Creates a scripted user.</summary>
    public EmulatedUser CreateUser(string username, string? globalName = null)
    {
        var user = new EmulatedUser(_state.Ids.Next(), username, globalName ?? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(username));
        _state.Users[user.Id] = user;
        return user;
    }

    /// <summary>Waits until the bot registered a command named <paramref name="name"/> (globally or in any guild).</summary>
    public Task<System.Text.Json.Nodes.JsonObject> WaitForCommandAsync(string name, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Changed.WaitAsync(
            () => _state.Commands.Values.SelectMany(list => list.OfType<System.Text.Json.Nodes.JsonObject>()).FirstOrDefault(command => (string?)command["name"] == name),
            timeout ?? _state.Options.WaitTimeout,
            () => $"the bot to register /{name}",
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Gateway.DropConnectionsAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private List<System.Text.Json.Nodes.JsonObject> Commands(string scope) =>
        _state.Commands.TryGetValue(scope, out var commands) ? [.. commands.DeepClone().AsArray().OfType<System.Text.Json.Nodes.JsonObject>()] : [];
}
