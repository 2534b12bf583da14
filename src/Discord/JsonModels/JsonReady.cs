using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>The READY dispatch.</summary>
public sealed class JsonReady
{
    [JsonPropertyName("v")] public int Version { get; set; }
    [JsonPropertyName("user")] public JsonUser? User { get; set; }
    [JsonPropertyName("guilds")] public JsonGuild[]? Guilds { get; set; }
    [JsonPropertyName("session_id")] public string SessionId { get; set; } = "";
    [JsonPropertyName("resume_gateway_url")] public string? ResumeGatewayUrl { get; set; }
    [JsonPropertyName("shard")] public int[]? Shard { get; set; }
    [JsonPropertyName("application")] public JsonApplication? Application { get; set; }
}
