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
    private EmulatedBot(DiscordEmulator discord, IHost host)
    {
        Discord = discord;
        Host = host;
    }

    public DiscordEmulator Discord { get; }
    public IHost Host { get; }

    public static async Task<EmulatedBot> StartAsync(Action<InteractionRouter> routes, Action<IServiceCollection>? services = null)
    {
        var discord = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions { OpenApiSpecPath = SharedPaths.DiscordOpenApiSpec });
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
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
        return new EmulatedBot(discord, host);
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
        var gateway = Host.Services.GetRequiredService<GatewayClient>();
        // A guard against a hang, not a measurement: generous, so a busy machine never trips it.
        var safety = System.Diagnostics.Stopwatch.StartNew();
        while (gateway.Shards.Count == 0 || gateway.Shards[0].SessionId is null)
        {
            if (safety.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The bot did not receive READY.");
            }

            await Task.Delay(10);
        }
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
