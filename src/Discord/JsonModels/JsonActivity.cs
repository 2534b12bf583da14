using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An activity in a presence.</summary>
public sealed class JsonActivity
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
}
