using CineSync.Bot.Commands;
using CineSync.Bot.Components;
using CineSync.Bot.ConsoleMode;
using CineSync.Bot.Core;
using CineSync.Bot.DiscordMode;
using CineSync.Bot.Hosting;
using CineSync.Discord.Hosting;
using CineSync.Discord.Rest;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Hosts the CineSync bot: on Discord when a token is configured, in the terminal otherwise.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bot (commands, buttons, forms) and its front end: Discord when <c>DISCORD_TOKEN</c> or <c>Discord:Token</c> is
    /// set, the console otherwise. The bot calls grains through the registered <see cref="Orleans.IGrainFactory"/>:
    /// an Orleans cluster client (<see cref="AddCineSyncClusterClient"/>) in its own process, or the silo's own in a silo.
    /// </summary>
    public static IServiceCollection AddCineSyncBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var registry = new BotRegistry();
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TitleLookup>();
        services.TryAddSingleton<BotEngine>();
        Command<RecommendCommand>(services, registry);
        Command<RateCommand>(services, registry);
        Command<MyStatsCommand>(services, registry);
        Command<WhyCommand>(services, registry);
        Command<SimilarCommand>(services, registry);
        Command<WatchPartyCommand>(services, registry);
        Command<TrendingCommand>(services, registry);
        Command<HiddenGemsCommand>(services, registry);
        Command<ExportMyDataCommand>(services, registry);
        Command<DeleteMyDataCommand>(services, registry);
        Command<HelpCommand>(services, registry);
        Component<FeedbackButton>(services, registry);
        Component<RateButton>(services, registry);
        Component<VoteButton>(services, registry);
        Component<DeleteDataButton>(services, registry);
        Component<PickTitleButton>(services, registry);
        services.TryAddSingleton<RatingForm>();
        registry.AddModal<RatingForm>();

        if (UsesDiscord(configuration))
        {
            AddDiscordFrontEnd(services, configuration, registry);
        }
        else
        {
            services.AddOptions<ConsoleBotOptions>().Bind(configuration.GetSection(ConsoleBotOptions.Section))
                .Validate(o => o.UserId > 0, "Console:UserId (--user) must be a positive id.").ValidateOnStart();
            services.TryAddSingleton(BotConsole.System);
            services.TryAddSingleton<ConsoleScreen>();
            services.AddHostedService<ConsoleFrontEnd>();
        }

        return services;
    }

    /// <summary>
    /// Adds the bot to a host and keeps its terminal readable: HTTP client request logs (which carry interaction tokens in
    /// their URLs) are kept to warnings, and in console mode all logs are, printed above the prompt instead of into it.
    /// </summary>
    public static IHostApplicationBuilder AddCineSyncBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCineSyncBot(builder.Configuration);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (!UsesDiscord(builder.Configuration))
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);

            // The default console logger writes from its own thread into the middle of the prompt: log through the screen.
            var consoleLoggers = builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList();
            if (consoleLoggers.Count > 0)
            {
                foreach (var descriptor in consoleLoggers)
                {
                    builder.Services.Remove(descriptor);
                }

                builder.Services.AddSingleton<ILoggerProvider, ConsoleScreenLoggerProvider>();
            }
        }

        return builder;
    }

    /// <summary>
    /// Makes the standalone bot an Orleans cluster client (section <c>Cluster</c>): with <c>ConnectionStrings:CineSync</c>
    /// it finds the live gateways of <c>Cluster:ClusterId</c> in the silos' membership table in PostgreSQL, otherwise it
    /// uses the fixed list in <c>Cluster:Gateway</c>. While no silo is up it keeps retrying, logging each attempt.
    /// </summary>
    public static IHostApplicationBuilder AddCineSyncClusterClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ClusterConnectionOptions.Section);
        var cluster = section.Get<ClusterConnectionOptions>() ?? new ClusterConnectionOptions();
        cluster.Validate();
        var connectionString = builder.Configuration.GetConnectionString("CineSync");
        builder.Services.AddOptions<ClusterConnectionOptions>().Bind(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = CineSyncCluster.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                client.UseStaticClustering([.. cluster.ParseGateways()]);
            }
            else
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = CineSyncCluster.AdoNetInvariant;
                    o.ConnectionString = connectionString;
                });
            }

            client.UseConnectionRetryFilter<ClusterConnectionRetry>();
        });
        return builder;
    }

    /// <summary>Whether a Discord token is configured (environment <c>DISCORD_TOKEN</c> or <c>Discord:Token</c>).</summary>
    public static bool UsesDiscord(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(Token(configuration));
    }

    private static string? Token(IConfiguration configuration) => configuration["DISCORD_TOKEN"] is { Length: > 0 } token ? token : configuration["Discord:Token"];

    private static void AddDiscordFrontEnd(IServiceCollection services, IConfiguration configuration, BotRegistry registry)
    {
        services.AddOptions<DiscordBotOptions>()
            .Bind(configuration.GetSection(DiscordBotOptions.Section))
            .PostConfigure(o => o.Token = Token(configuration) ?? "")
            .Validate(o => o.IsValid(out _), "Discord options are invalid: a token is required, AutoDeferAfter must be under 3 s.")
            .ValidateOnStart();
        services.TryAddSingleton<DiscordFrontEnd>();
        services.AddDiscordRest(_ => { });
        services.AddOptions<DiscordRestClientOptions>().Configure<IOptions<DiscordBotOptions>>((rest, bot) =>
        {
            rest.Token = bot.Value.Token;
            rest.ApiBaseUrl = bot.Value.ApiBaseUrl.AbsoluteUri.EndsWith('/') ? bot.Value.ApiBaseUrl : new Uri(bot.Value.ApiBaseUrl.AbsoluteUri + "/");
        });
        services.AddDiscordInteractions(router => DiscordFrontEnd.Map(router, registry));
        services.AddOptions<DiscordInteractionsOptions>().Configure<IOptions<DiscordBotOptions>>((interactions, bot) =>
        {
            interactions.ApplicationId = bot.Value.ApplicationId;
            interactions.DevelopmentGuildId = bot.Value.DevelopmentGuildId;
            interactions.StopHostWhenBotStops = bot.Value.StopHostWhenBotStops;
        });
        services.AddDiscordGateway(_ => { });
        services.AddOptions<CineSync.Discord.Gateway.GatewayClientOptions>().Configure<IOptions<DiscordBotOptions>>((gateway, bot) =>
        {
            gateway.Token = bot.Value.Token;
            gateway.GatewayUrl = bot.Value.GatewayUrl;
        });
    }

    private static void Command<T>(IServiceCollection services, BotRegistry registry)
        where T : class, IBotCommand
    {
        services.TryAddSingleton<T>();
        registry.AddCommand<T>();
    }

    private static void Component<T>(IServiceCollection services, BotRegistry registry)
        where T : class, IComponentHandler
    {
        services.TryAddSingleton<T>();
        registry.AddComponent<T>();
    }
}
