using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Model;

/// <summary>A user's membership of a guild.</summary>
/// <param name="User">The user.</param>
/// <param name="Nick">Guild nickname, if any.</param>
/// <param name="JoinedAt">When the user joined.</param>
/// <param name="Permissions">Computed permissions in the interaction's channel, as Discord's decimal string.</param>
public sealed record EmulatedMember(EmulatedUser User, string? Nick, DateTimeOffset JoinedAt, string Permissions = "2248473465835073")
{
    /// <summary>The member object; <paramref name="withUser"/> false gives the shape used in <c>resolved.members</c>.</summary>
    public JsonObject ToJson(bool withUser = true)
    {
        var member = new JsonObject
        {
            ["avatar"] = null,
            ["banner"] = null,
            ["nick"] = Nick,
            ["roles"] = new JsonArray(),
            ["joined_at"] = JoinedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture),
            ["premium_since"] = null,
            ["pending"] = false,
            ["permissions"] = Permissions,
            ["flags"] = 0,
            ["communication_disabled_until"] = null,
            ["unusual_dm_activity_until"] = null,
            ["collectibles"] = null,
        };
        if (withUser)
        {
            member["user"] = User.ToJson();
            member["deaf"] = false;
            member["mute"] = false;
        }

        return member;
    }
}
