using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An option of an application command definition.</summary>
public sealed class JsonCommandOption
{
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("required")] public bool? Required { get; set; }
    [JsonPropertyName("choices")] public JsonCommandOptionChoice[]? Choices { get; set; }
    [JsonPropertyName("options")] public JsonCommandOption[]? Options { get; set; }
    [JsonPropertyName("min_value")] public double? MinValue { get; set; }
    [JsonPropertyName("max_value")] public double? MaxValue { get; set; }
    [JsonPropertyName("min_length")] public int? MinLength { get; set; }
    [JsonPropertyName("max_length")] public int? MaxLength { get; set; }
    [JsonPropertyName("autocomplete")] public bool? Autocomplete { get; set; }
}
