using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An embed field.</summary>
public sealed class JsonEmbedField
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("value")] public string Value { get; set; } = "";
    [JsonPropertyName("inline")] public bool? Inline { get; set; }
}
