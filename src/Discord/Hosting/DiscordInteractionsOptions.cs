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

    /// <summary>
    /// The ephemeral reply to a slash command the bot no longer has (guild commands left from an earlier run, a stale
    /// client): an answer, so the member never sees "The application did not respond".
    /// </summary>
    public string UnknownCommandMessage { get; set; } = "That command is no longer available. Type / to see the commands I have now.";

    /// <summary>The ephemeral reply to a button or form no handler knows (a message from an older version of the bot).</summary>
    public string UnknownComponentMessage { get; set; } = "That button or form is no longer available. Run the command again.";

    /// <summary>
    /// Stop the whole host when the bot stops for good (a wrong token, forbidden intents). False (the default) keeps
    /// the rest of the process serving; a process that is only the bot sets it, and exits non-zero
    /// (<see cref="DiscordBotStatus.IsStopped"/>).
    /// </summary>
    public bool StopHostWhenBotStops { get; set; }

    /// <summary>The ephemeral reply a user gets when a handler fails before answering.</summary>
    public string ErrorMessage { get; set; } = "Sorry, something went wrong on my side. Please try again in a moment.";
}
