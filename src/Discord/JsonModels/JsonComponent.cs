using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>
/// Any message or modal component: action row (1), button (2), selects (3, 5–8), text input (4)
/// and label (18). Unused fields stay null and are not written.
/// </summary>
public sealed class JsonComponent
{
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("id")] public int? Id { get; set; }
    [JsonPropertyName("custom_id")] public string? CustomId { get; set; }
    [JsonPropertyName("style")] public int? Style { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("emoji")] public JsonEmoji? Emoji { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("disabled")] public bool? Disabled { get; set; }
    [JsonPropertyName("options")] public JsonSelectOption[]? Options { get; set; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; set; }
    [JsonPropertyName("min_values")] public int? MinValues { get; set; }
    [JsonPropertyName("max_values")] public int? MaxValues { get; set; }
    [JsonPropertyName("min_length")] public int? MinLength { get; set; }
    [JsonPropertyName("max_length")] public int? MaxLength { get; set; }
    [JsonPropertyName("required")] public bool? Required { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("values")] public string[]? Values { get; set; }
    [JsonPropertyName("components")] public JsonComponent[]? Components { get; set; }
    [JsonPropertyName("component")] public JsonComponent? Component { get; set; }
}
