using CineSync.Bot.Core;
using CineSync.Discord.Commands;

namespace CineSync.Bot.Commands;

/// <summary><c>/delete_my_data</c>: asks for confirmation with a button; the button does the deleting.</summary>
internal sealed class DeleteMyDataCommand : IBotCommand
{
    public static SlashCommandBuilder Definition => new("delete_my_data", "Erase your ratings, feedback and taste profile");

    public static Acknowledgement Acknowledgement => Acknowledgement.Immediate;

    public Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken) => Task.FromResult(new BotReply
    {
        Content = "⚠️ This erases all your ratings, feedback and your taste profile. It cannot be undone.",
        Ephemeral = true,
        Rows =
        [
            [
                new BotButton(CustomIds.DeleteButton(confirm: true, input.UserId), "Delete everything", "🗑️", BotButtonStyle.Danger),
                new BotButton(CustomIds.DeleteButton(confirm: false, input.UserId), "Cancel", null, BotButtonStyle.Secondary),
            ],
        ],
    });
}
