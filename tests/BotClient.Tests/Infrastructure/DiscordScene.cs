using Microsoft.Extensions.Logging.Testing;
using System.Globalization;
using CineSync.Discord.Emulator;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Model;
using Orleans;
using CineSync.Testing;
using Microsoft.Extensions.Hosting;

namespace CineSync.BotClient.Tests.Infrastructure;

/// <summary>The real bot host in Discord mode, connected to a fresh Discord emulator (one guild, one channel) and a test cluster.</summary>
internal sealed class DiscordScene : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly bool _clockControlled;

    private DiscordScene(DiscordEmulator discord, IHost bot, EmulatedGuild guild, FakeLoggerProvider logs, bool clockControlled)
    {
        _clockControlled = clockControlled;
        Discord = discord;
        Bot = bot;
        Guild = guild;
        Channel = guild.CreateTextChannel("movie-night");
        Logs = logs;
    }

    public DiscordEmulator Discord { get; }

    public IHost Bot { get; }

    public EmulatedGuild Guild { get; }

    public EmulatedChannel Channel { get; }

    public FakeLoggerProvider Logs { get; }

    /// <summary>
    /// Starts the emulated Discord and the bot over <paramref name="grains"/>. With <paramref name="time"/> both run on
    /// that clock (Discord's 3 s deadline, the bot's "thinking…" timers), so a test moves time itself; otherwise both
    /// run on the machine's clock.
    /// </summary>
    public static async Task<DiscordScene> StartAsync(IGrainFactory grains, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var discord = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions { OpenApiSpecPath = SharedPaths.DiscordOpenApiSpec, WaitTimeout = Wait, TimeProvider = time ?? TimeProvider.System });
        var guild = discord.CreateGuild("Movie Club");
        var logs = new FakeLoggerProvider();
        var configuration = new Dictionary<string, string?>
        {
            ["Discord:Token"] = discord.BotToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl + "/",
            ["Discord:GatewayUrl"] = discord.GatewayUrl,
            ["Discord:DevelopmentGuildId"] = guild.IdString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var bot = BotHosts.Build(grains, configuration, logs, time: time);
        await bot.StartAsync();
        await discord.WaitForCommandAsync("watch_party", Wait);
        return new DiscordScene(discord, bot, guild, logs, clockControlled: time is not null);
    }

    public EmulatedUser NewUser(string name)
    {
        var user = Discord.CreateUser(name + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), name);
        Guild.AddMember(user);
        return user;
    }

    public Task<InteractionHandle> SendAsync(EmulatedUser user, string command, params CommandOption[] options) =>
        Discord.SendSlashCommandAsync(user, Channel, command, options);

    /// <summary>Runs a command and waits for its visible answer.</summary>
    public async Task<EmulatedMessage> RunAsync(EmulatedUser user, string command, params CommandOption[] options)
    {
        var handle = await SendAsync(user, command, options);
        return await handle.WaitForReplyAsync(timeout: Wait);
    }

    /// <summary>
    /// What every test run must leave: valid bodies, no early retry, no token in the logs, and — on a clock the test
    /// moves — every interaction acknowledged within Discord's 3 s. On the machine's clock the deadline is not checked:
    /// whether 3 s of wall time pass depends on how busy the machine is, not on the bot (AcknowledgementTests check it
    /// on a moved clock).
    /// </summary>
    public void AssertCleanRun()
    {
        Assert.True(Discord.ContractViolations.Count == 0, string.Join("; ", Discord.ContractViolations));
        Assert.True(!_clockControlled || Discord.LateAcknowledgements.Count == 0, string.Join("; ", Discord.LateAcknowledgements));
        Assert.True(Discord.RateLimits.EarlyRetries.Count == 0, string.Join("; ", Discord.RateLimits.EarlyRetries));
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(Discord.BotToken, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Bot.StopAsync(timeout.Token);
        }

        Bot.Dispose();
        await Discord.DisposeAsync();
    }
}
