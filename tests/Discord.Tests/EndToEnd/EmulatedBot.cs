using CineSync.Discord.Emulator;
using CineSync.Discord.Emulator.Model;
using CineSync.Discord.Gateway;
using CineSync.Discord.Hosting;
using CineSync.Discord.Interactions.Routing;
using CineSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Discord.Tests.EndToEnd;

/// <summary>A bot built only from the library's hosting layer, connected to a fresh Discord emulator.</summary>
internal sealed class EmulatedBot : IAsyncDisposable
{
    private readonly TaskCompletionSource _ready;

    private EmulatedBot(DiscordEmulator discord, IHost host, TaskCompletionSource ready)
    {
        Discord = discord;
        Host = host;
        _ready = ready;
    }

    public DiscordEmulator Discord { get; }
    public IHost Host { get; }

    public static async Task<EmulatedBot> StartAsync(Action<InteractionRouter> routes, Action<IServiceCollection>? services = null)
    {
        var discord = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions { OpenApiSpecPath = SharedPaths.DiscordOpenApiSpec });
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();

        // The bot logs "ready" once it has processed READY and holds a session: the event WaitUntilSessionAsync waits for.
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.Logging.AddFakeLogging(o => o.OutputSink = line =>
        {
            if (line.Contains(": ready, session ", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        });
        builder.Services.AddDiscordRest(o =>
        {
            o.Token = discord.BotToken;
            o.ApiBaseUrl = new Uri(discord.ApiBaseUrl + "/");
        });
        builder.Services.AddDiscordInteractions(routes);
        builder.Services.AddDiscordGateway(o => o.Token = discord.BotToken);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new EmulatedBot(discord, host, ready);
    }

    /// <summary>A guild with a #movies channel and a member, Alice.</summary>
    public (EmulatedChannel Channel, EmulatedUser Alice) CreateChannelWithMember()
    {
        var guild = Discord.CreateGuild("Movie Club");
        var alice = Discord.CreateUser("alice", "Alice");
        guild.AddMember(alice);
        return (guild.CreateTextChannel("movies"), alice);
    }

    /// <summary>
    /// Waits until the bot itself processed READY (the emulator sending it is not enough: a drop
    /// before the bot reads it leaves nothing to resume, as with Discord).
    /// </summary>
    public async Task WaitUntilSessionAsync()
    {
        await HangGuard.WaitAsync(_ready.Task, "The bot did not receive READY.");
        var gateway = Host.Services.GetRequiredService<GatewayClient>();
        Assert.NotNull(gateway.Shards[0].SessionId);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();
        await Discord.DisposeAsync();
    }
}
