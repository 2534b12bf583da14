using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>Presence sent with Identify.</summary>
public sealed class JsonPresence
{
    [JsonPropertyName("since")] public long? Since { get; set; }
    [JsonPropertyName("activities")] public JsonActivity[] Activities { get; set; } = [];
    [JsonPropertyName("status")] public string Status { get; set; } = "online";
    [JsonPropertyName("afk")] public bool Afk { get; set; }
}
