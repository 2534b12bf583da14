using System.Globalization;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Rest;

public sealed partial class DiscordRestClient
{
    /// <summary>PUT /applications/{app}/commands: replaces every global command with <paramref name="commands"/>.</summary>
    public async Task<IReadOnlyList<JsonApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IEnumerable<JsonApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        var app = applicationId.ToString(CultureInfo.InvariantCulture);
        var route = new RestRoute(HttpMethod.Put, "applications/{application.id}/commands", $"applications/{app}/commands", "");
        return await PutCommandsAsync(route, commands, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PUT /applications/{app}/guilds/{guild}/commands: replaces one guild's commands (instant; use in development).</summary>
    public async Task<IReadOnlyList<JsonApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IEnumerable<JsonApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        var app = applicationId.ToString(CultureInfo.InvariantCulture);
        var guild = guildId.ToString(CultureInfo.InvariantCulture);
        var route = new RestRoute(HttpMethod.Put, "applications/{application.id}/guilds/{guild.id}/commands", $"applications/{app}/guilds/{guild}/commands", "guild:" + guild);
        return await PutCommandsAsync(route, commands, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<JsonApplicationCommand>> PutCommandsAsync(RestRoute route, IEnumerable<JsonApplicationCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var body = commands.ToArray();
        var result = await SendAsync(route, () => RestContent.Create(body, DiscordJsonContext.Default.JsonApplicationCommandArray, []), DiscordJsonContext.Default.JsonApplicationCommandArray, cancellationToken)
            .ConfigureAwait(false);
        return result ?? [];
    }
}
