using CineSync.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Bot.Hosting;

/// <summary>How a bot process tells its supervisor why it ended: 0 only for a requested stop.</summary>
public static class BotExitCodes
{
    /// <summary>Discord refused the token (or intents): a configuration error (sysexits' EX_CONFIG).</summary>
    public const int BotStopped = 78;

    /// <summary>The exit code for a host that has stopped: <see cref="BotStopped"/> when the bot stopped for good, else 0.</summary>
    public static int For(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<DiscordBotStatus>()?.IsStopped == true ? BotStopped : 0;
    }
}
