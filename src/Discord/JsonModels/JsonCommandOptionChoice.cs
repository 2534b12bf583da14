using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A choice of a command option, or an autocomplete result; <c>value</c> is a string or a number.</summary>
public sealed class JsonCommandOptionChoice
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("value")] public JsonElement Value { get; set; }
}
