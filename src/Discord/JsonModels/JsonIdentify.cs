using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>Opcode 2 payload.</summary>
public sealed class JsonIdentify
{
    [JsonPropertyName("token")] public string Token { get; set; } = "";
    [JsonPropertyName("intents")] public int Intents { get; set; }
    [JsonPropertyName("properties")] public JsonConnectionProperties Properties { get; set; } = new();
    [JsonPropertyName("compress")] public bool? Compress { get; set; }
    [JsonPropertyName("large_threshold")] public int? LargeThreshold { get; set; }
    [JsonPropertyName("shard")] public int[]? Shard { get; set; }
    [JsonPropertyName("presence")] public JsonPresence? Presence { get; set; }
}
