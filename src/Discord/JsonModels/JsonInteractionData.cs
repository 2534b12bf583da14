using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>
/// The <c>data</c> of an interaction. One shape covers the four kinds: application commands
/// (id, name, type, options, resolved, target_id), components (custom_id, component_type, values)
/// and modal submits (custom_id, components). <c>id</c> is a snowflake for commands and a small
/// integer for components; both read into <see cref="Id"/>.
/// </summary>
public sealed class JsonInteractionData
{
    [JsonPropertyName("id")] public ulong? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("resolved")] public JsonResolvedData? Resolved { get; set; }
    [JsonPropertyName("options")] public JsonInteractionOption[]? Options { get; set; }
    [JsonPropertyName("guild_id")] public ulong? GuildId { get; set; }
    [JsonPropertyName("target_id")] public ulong? TargetId { get; set; }
    [JsonPropertyName("custom_id")] public string? CustomId { get; set; }
    [JsonPropertyName("component_type")] public int? ComponentType { get; set; }
    [JsonPropertyName("values")] public string[]? Values { get; set; }
    [JsonPropertyName("components")] public JsonComponent[]? Components { get; set; }
}
