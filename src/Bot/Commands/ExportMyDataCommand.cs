using System.Globalization;
using System.Text;
using CineSync.Bot.Core;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/export_my_data</c>: everything stored about the user, as a JSON file only they see.</summary>
internal sealed class ExportMyDataCommand(IGrainFactory grains) : IBotCommand
{
    public static SlashCommandBuilder Definition => new("export_my_data", "Download everything CineSync stores about you (JSON)");

    public static Acknowledgement Acknowledgement => Acknowledgement.DeferredEphemeral;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var json = await grains.GetGrain<IUserTasteGrain>(input.UserId).ExportAsync().ConfigureAwait(false);
        var name = "cinesync-data-" + input.UserId.ToString(CultureInfo.InvariantCulture) + ".json";
        return new BotReply
        {
            Content = "Here is everything CineSync stores about you. /delete_my_data erases it.",
            Ephemeral = true,
            File = new BotFile(name, Encoding.UTF8.GetBytes(json), "application/json"),
        };
    }
}
