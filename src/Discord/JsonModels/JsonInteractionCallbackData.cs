using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>Callback data: a message (types 4, 7), autocomplete choices (type 8) or a modal (type 9).</summary>
public sealed class JsonInteractionCallbackData : JsonMessagePayload
{
    [JsonPropertyName("choices")] public JsonCommandOptionChoice[]? Choices { get; set; }
    [JsonPropertyName("custom_id")] public string? CustomId { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
}
