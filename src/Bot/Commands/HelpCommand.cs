using CineSync.Bot.Core;
using CineSync.Discord.Commands;

namespace CineSync.Bot.Commands;

/// <summary><c>/help</c>: every command with its options, read from the same definitions Discord gets.</summary>
internal sealed class HelpCommand(BotRegistry registry) : IBotCommand
{
    public static SlashCommandBuilder Definition => new("help", "What CineSync can do");

    public static Acknowledgement Acknowledgement => Acknowledgement.Immediate;

    public Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var fields = registry.Commands
            .Where(c => c.Name != "help")
            .Select(c => new BotField(Usage(c), c.Definition.Description ?? ""))
            .ToList();
        return Task.FromResult(new BotReply
        {
            Ephemeral = true,
            Embeds = [new BotEmbed("🎬 CineSync", "Rate movies, get picks that learn from every 👍 and 👎, and settle movie night with friends.", fields)],
        });
    }

    private static string Usage(CommandRegistration command) =>
        "/" + command.Name + string.Concat((command.Definition.Options ?? []).Select(o => o.Required == true ? $" <{o.Name}>" : $" [{o.Name}]"));
}
