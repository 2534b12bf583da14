using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Interactions;

/// <summary>A user's membership of the guild an interaction came from.</summary>
public sealed record GuildMember(ulong UserId, string? Nickname, IReadOnlyList<ulong> Roles, string? Permissions, DateTimeOffset? JoinedAt)
{
    internal static GuildMember From(ulong userId, JsonGuildMember json)
        => new(userId, json.Nickname, json.Roles, json.Permissions, json.JoinedAt);
}
