namespace CineSync.Bot.Hosting;

/// <summary>Discord settings (section <c>Discord</c>; the token may also come from the <c>DISCORD_TOKEN</c> environment variable).</summary>
public sealed class DiscordBotOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Discord";

    /// <summary>The bot token. Required in Discord mode; never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Register commands in this guild only (instant, for development) instead of globally. Default: global.</summary>
    public ulong? DevelopmentGuildId { get; set; }

    /// <summary>The application id; read from Discord when not set.</summary>
    public ulong? ApplicationId { get; set; }

    /// <summary>The REST API root. Default: Discord's v10 API; tests point it at the emulator.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>The gateway URL; read from GET /gateway/bot when not set.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>
    /// A command declared fast is acknowledged with "thinking…" anyway if it has not answered after this long, so Discord's
    /// 3-second deadline is never missed. Default: 2 seconds.
    /// </summary>
    public TimeSpan AutoDeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Commands that may be slow are acknowledged with "thinking…" when they have not answered after this long (default
    /// 500 ms). Answers within it go out directly, so a quick refusal can still be private; zero defers at once.
    /// </summary>
    public TimeSpan DeferredGrace { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Stop the whole process when Discord refuses the token (close 4004, 401). False by default: a silo hosting the
    /// bot keeps serving its grains; the standalone bot sets it and exits with <see cref="BotExitCodes.BotStopped"/>.
    /// </summary>
    public bool StopHostWhenBotStops { get; set; }

    internal bool IsValid(out string error)
    {
        error = string.IsNullOrWhiteSpace(Token) ? "Discord:Token (or DISCORD_TOKEN) is required in Discord mode."
            : !ApiBaseUrl.IsAbsoluteUri ? "Discord:ApiBaseUrl must be an absolute URL."
            : AutoDeferAfter <= TimeSpan.Zero || AutoDeferAfter >= TimeSpan.FromSeconds(3) ? "Discord:AutoDeferAfter must be between 0 and 3 seconds."
            : DeferredGrace < TimeSpan.Zero || DeferredGrace > AutoDeferAfter ? "Discord:DeferredGrace must be between 0 and AutoDeferAfter."
            : "";
        return error.Length == 0;
    }
}
