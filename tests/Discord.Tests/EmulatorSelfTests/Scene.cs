using CineSync.Discord.Emulator;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>An emulator with a guild, a channel, a user, /recommend registered and a raw bot connection READY.</summary>
internal sealed class Scene : IAsyncDisposable
{
    private Scene(DiscordEmulator discord, RawGatewayClient bot, EmulatedChannel channel, EmulatedUser alice)
    {
        Discord = discord;
        Bot = bot;
        Channel = channel;
        Alice = alice;
        Http = EmulatorHarness.Http(discord);
        AnonymousHttp = EmulatorHarness.Http(discord, authenticated: false);
    }

    public DiscordEmulator Discord { get; }

    public RawGatewayClient Bot { get; }

    public EmulatedChannel Channel { get; }

    public EmulatedUser Alice { get; }

    public HttpClient Http { get; }

    /// <summary>Interaction and webhook routes need no Authorization header, as on Discord.</summary>
    public HttpClient AnonymousHttp { get; }

    public static async Task<Scene> StartAsync(TimeProvider? time = null)
    {
        var discord = await EmulatorHarness.StartAsync(time);
        var guild = discord.CreateGuild("Movie Club");
        var channel = guild.CreateTextChannel("general");
        var alice = discord.CreateUser("alice");
        using (var http = EmulatorHarness.Http(discord))
        {
            await EmulatorHarness.RegisterCommandsAsync(http, discord);
        }

        var (bot, _) = await RawGatewayClient.IdentifyAsync(discord.GatewayUrl, discord.BotToken);
        return new Scene(discord, bot, channel, alice);
    }

    public async Task<InteractionHandle> SendRecommendAsync(params CommandOption[] options)
    {
        var interaction = await Discord.SendSlashCommandAsync(Alice, Channel, "recommend", options);
        await Bot.ReceiveDispatchAsync("INTERACTION_CREATE");
        return interaction;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        AnonymousHttp.Dispose();
        await Bot.DisposeAsync();
        await Discord.DisposeAsync();
    }
}
