using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>GET /gateway and GET /gateway/bot.</summary>
public sealed class JsonGatewayBot
{
    [JsonPropertyName("url")] public string Url { get; set; } = "";
    [JsonPropertyName("shards")] public int? Shards { get; set; }
    [JsonPropertyName("session_start_limit")] public JsonSessionStartLimit? SessionStartLimit { get; set; }
}
