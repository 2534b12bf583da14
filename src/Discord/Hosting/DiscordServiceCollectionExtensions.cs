using CineSync.Discord.Gateway;
using CineSync.Discord.Interactions;
using CineSync.Discord.Interactions.Http;
using CineSync.Discord.Interactions.Routing;
using CineSync.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Discord.Hosting;

/// <summary>DI registration: a thin layer over the host-free core types.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DiscordRestClient"/> (one per application, over a named HttpClient).</summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, Action<DiscordRestClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DiscordRestClientOptions>().Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Token), "A Discord bot token is required (DiscordRestClientOptions.Token).")
            .ValidateOnStart();
        // The default HttpClient logging writes request URIs, and interaction URIs carry interaction tokens.
        services.AddHttpClient(nameof(DiscordRestClient)).RemoveAllLoggers();
        services.TryAddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordRestClient)),
            sp.GetRequiredService<IOptions<DiscordRestClientOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<DiscordRestClient>>()));
        return services;
    }

    /// <summary>Adds the router, the dispatcher and start-up command registration.</summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, Action<InteractionRouter> mapRoutes, Action<DiscordInteractionsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(mapRoutes);
        services.AddOptions<DiscordInteractionsOptions>().Configure(configure ?? (_ => { }));
        services.TryAddSingleton(_ =>
        {
            var router = new InteractionRouter();
            mapRoutes(router);
            return router;
        });
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<RestInteractionResponder>();
        AddBotStatus(services);
        services.AddHostedService<CommandRegistrationService>();
        return services;
    }

    /// <summary>Adds the gateway, started and stopped with the host, feeding interactions to the router.</summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, Action<GatewayClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GatewayClientOptions>().Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Token), "A Discord bot token is required (GatewayClientOptions.Token).")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new GatewayClient(
            sp.GetRequiredService<IOptions<GatewayClientOptions>>().Value,
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        AddBotStatus(services);
        services.AddHostedService<GatewayHostedService>();
        return services;
    }

    /// <summary>The bot's status and its health check ("discord", degraded when the bot stopped: the process still serves).</summary>
    private static void AddBotStatus(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DiscordBotStatus)))
        {
            return;
        }

        services.AddSingleton<DiscordBotStatus>();
        services.AddHealthChecks().AddCheck<DiscordBotHealthCheck>("discord", HealthStatus.Degraded, ["bot"]);
    }

    /// <summary>Adds the HTTP interactions endpoint handler; map it with <c>app.MapDiscordInteractions("/interactions")</c>.</summary>
    public static IServiceCollection AddDiscordHttpInteractions(this IServiceCollection services, Action<HttpInteractionsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HttpInteractionsOptions>().Configure(configure)
            .Validate(o => o.PublicKey.Length == 64, "HttpInteractionsOptions.PublicKey must be the application's 64-hex-digit public key.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new HttpInteractionHandler(
            sp.GetRequiredService<IOptions<HttpInteractionsOptions>>(),
            sp.GetRequiredService<InteractionDispatcher>(),
            sp.GetService<TimeProvider>()));
        return services;
    }
}
