using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A guild member; <c>user</c> is absent inside <c>resolved.members</c>.</summary>
public sealed class JsonGuildMember
{
    [JsonPropertyName("user")] public JsonUser? User { get; set; }
    [JsonPropertyName("nick")] public string? Nickname { get; set; }
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }
    [JsonPropertyName("roles")] public ulong[] Roles { get; set; } = [];
    [JsonPropertyName("joined_at")] public DateTimeOffset? JoinedAt { get; set; }
    [JsonPropertyName("premium_since")] public DateTimeOffset? PremiumSince { get; set; }
    [JsonPropertyName("permissions")] public string? Permissions { get; set; }
    [JsonPropertyName("pending")] public bool? Pending { get; set; }
    [JsonPropertyName("flags")] public int? Flags { get; set; }
    [JsonPropertyName("deaf")] public bool? Deaf { get; set; }
    [JsonPropertyName("mute")] public bool? Mute { get; set; }
    [JsonPropertyName("communication_disabled_until")] public DateTimeOffset? CommunicationDisabledUntil { get; set; }
}
