using CineSync.Discord.Commands;

namespace CineSync.Bot.Core;

/// <summary>A slash command: its definition (registered with Discord, parsed by the console) and its behaviour.</summary>
internal interface IBotCommand
{
    static abstract SlashCommandBuilder Definition { get; }

    static abstract Acknowledgement Acknowledgement { get; }

    Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken);
}
