namespace CineSync.Silo.Hosting;

/// <summary>
/// Runs the CineSync bot inside the silo process (the one-command experience of <c>./run.sh</c>): on Discord when
/// DISCORD_TOKEN (or Discord:Token) is set, in this terminal otherwise. A cluster of several silos leaves it off
/// (<c>Bot:Enabled=false</c>, the default) and runs the bot as its own process.
/// </summary>
internal static class InProcessBotExtensions
{
    /// <summary>Adds the bot when <c>Bot:Enabled</c> is true.</summary>
    public static WebApplicationBuilder AddCineSyncBotWhenEnabled(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.GetValue("Bot:Enabled", defaultValue: false))
        {
            return builder;
        }

        // /quit and the end of input stop the silo too (`printf '/help\n/quit\n' | ./run.sh` ends, PostgreSQL included).
        // Without a terminal, run with --Console:StopHostOnExit=false, or with Bot:Enabled=false and the bot on its own.
        // The console's user is Console:UserId, 1 unless configured (ConsoleBotOptions' default).
        builder.AddCineSyncBot();

        // The console bot quiets logging so the prompt stays readable; the start-up story is still worth seeing.
        builder.Logging.AddFilter("CineSync.Silo", LogLevel.Information);
        builder.Logging.AddFilter("CineSync.Database", LogLevel.Information);
        builder.Logging.AddFilter("CineSync.Grains.Training", LogLevel.Information);
        return builder;
    }
}
