using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>Users, members and messages referenced by an interaction, keyed by snowflake.</summary>
public sealed class JsonResolvedData
{
    [JsonPropertyName("users")] public Dictionary<ulong, JsonUser>? Users { get; set; }
    [JsonPropertyName("members")] public Dictionary<ulong, JsonGuildMember>? Members { get; set; }
    [JsonPropertyName("messages")] public Dictionary<ulong, JsonMessage>? Messages { get; set; }
    [JsonPropertyName("roles")] public Dictionary<ulong, JsonElement>? Roles { get; set; }
    [JsonPropertyName("channels")] public Dictionary<ulong, JsonElement>? Channels { get; set; }
    [JsonPropertyName("attachments")] public Dictionary<ulong, JsonAttachment>? Attachments { get; set; }
}
