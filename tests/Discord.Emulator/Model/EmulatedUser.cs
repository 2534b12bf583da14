using System.Globalization;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Model;

/// <summary>A Discord user known to the emulator: a scripted person or the bot itself.</summary>
/// <param name="Id">Snowflake id.</param>
/// <param name="Username">Unique username (lower case, as Discord's new names are).</param>
/// <param name="GlobalName">Display name.</param>
/// <param name="IsBot">Whether this is a bot account.</param>
public sealed record EmulatedUser(ulong Id, string Username, string? GlobalName, bool IsBot = false)
{
    /// <summary>The id as Discord writes it (a string).</summary>
    public string IdString => Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The user object as the gateway and REST send it.</summary>
    public JsonObject ToJson()
    {
        var user = new JsonObject
        {
            ["id"] = IdString,
            ["username"] = Username,
            ["discriminator"] = "0",
            ["global_name"] = GlobalName,
            ["avatar"] = null,
            ["public_flags"] = 0,
            ["flags"] = 0,
            ["primary_guild"] = null,
            ["collectibles"] = null,
            ["display_name_styles"] = null,
            ["avatar_decoration_data"] = null,
        };
        if (IsBot)
        {
            user["bot"] = true;
        }

        return user;
    }
}
