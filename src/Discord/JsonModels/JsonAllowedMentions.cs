using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>allowed_mentions of a message we send.</summary>
public sealed class JsonAllowedMentions
{
    [JsonPropertyName("parse")] public string[]? Parse { get; set; }
    [JsonPropertyName("users")] public ulong[]? Users { get; set; }
    [JsonPropertyName("roles")] public ulong[]? Roles { get; set; }
    [JsonPropertyName("replied_user")] public bool? RepliedUser { get; set; }
}
