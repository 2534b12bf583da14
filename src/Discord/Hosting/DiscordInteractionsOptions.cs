namespace CineSync.Discord.Hosting;

/// <summary>How interactions are handled and commands registered when hosted.</summary>
public sealed class DiscordInteractionsOptions
{
    /// <summary>The application id; read from GET /applications/@me when null.</summary>
    public ulong? ApplicationId { get; set; }

    /// <summary>Bulk-overwrite the router's command definitions at start. Default true.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>Register the commands in this guild only (instant, for development) instead of globally.</summary>
    public ulong? DevelopmentGuildId { get; set; }

    /// <summary>The ephemeral reply a user gets when a handler fails before answering.</summary>
    public string ErrorMessage { get; set; } = "Sorry, something went wrong on my side. Please try again in a moment.";

    /// <summary>
    /// The ephemeral reply to a command or button no handler knows (a button of an older version of the bot, a command
    /// since removed), instead of Discord's "This interaction failed".
    /// </summary>
    public string UnknownMessage { get; set; } = "That command or button no longer works — run the command again (see /help).";
}
