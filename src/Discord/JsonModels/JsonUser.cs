using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A user.</summary>
public sealed class JsonUser
{
    [JsonPropertyName("id")] public ulong Id { get; set; }
    [JsonPropertyName("username")] public string Username { get; set; } = "";
    [JsonPropertyName("discriminator")] public string? Discriminator { get; set; }
    [JsonPropertyName("global_name")] public string? GlobalName { get; set; }
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }
    [JsonPropertyName("bot")] public bool? Bot { get; set; }
    [JsonPropertyName("public_flags")] public int? PublicFlags { get; set; }
}
