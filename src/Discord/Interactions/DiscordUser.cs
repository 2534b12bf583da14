using System.Globalization;
using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Interactions;

/// <summary>A Discord user as the app sees it.</summary>
public sealed record DiscordUser(ulong Id, string Username, string? GlobalName, bool IsBot)
{
    /// <summary>Stands in when a (partial) payload names no user.</summary>
    public static DiscordUser Unknown { get; } = new(0, "", null, false);

    /// <summary>The name to show: the global display name, else the username.</summary>
    public string DisplayName => GlobalName ?? Username;

    /// <summary>A mention, <c>&lt;@id&gt;</c>.</summary>
    public string Mention => "<@" + Id.ToString(CultureInfo.InvariantCulture) + ">";

    internal static DiscordUser From(JsonUser json) => new(json.Id, json.Username, json.GlobalName, json.Bot == true);
}
