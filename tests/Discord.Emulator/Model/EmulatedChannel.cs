using System.Globalization;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Model;

/// <summary>A guild text channel.</summary>
/// <param name="Id">Snowflake id.</param>
/// <param name="Guild">The guild holding it.</param>
/// <param name="Name">Channel name.</param>
public sealed record EmulatedChannel(ulong Id, EmulatedGuild Guild, string Name)
{
    /// <summary>The id as Discord writes it.</summary>
    public string IdString => Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The partial channel object sent inside interactions and GUILD_CREATE.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = IdString,
        ["type"] = 0,
        ["guild_id"] = Guild.IdString,
        ["name"] = Name,
        ["position"] = 0,
        ["parent_id"] = null,
        ["topic"] = null,
        ["nsfw"] = false,
        ["last_message_id"] = null,
        ["rate_limit_per_user"] = 0,
        ["flags"] = 0,
        ["permissions"] = "2248473465835073",
    };
}
