using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An option value of a received application command (or autocomplete) interaction.</summary>
public sealed class JsonInteractionOption
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("options")] public JsonInteractionOption[]? Options { get; set; }
    [JsonPropertyName("focused")] public bool? Focused { get; set; }
}
