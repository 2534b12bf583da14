using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A rich embed.</summary>
public sealed class JsonEmbed
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("color")] public int? Color { get; set; }
    [JsonPropertyName("footer")] public JsonEmbedFooter? Footer { get; set; }
    [JsonPropertyName("image")] public JsonEmbedMedia? Image { get; set; }
    [JsonPropertyName("thumbnail")] public JsonEmbedMedia? Thumbnail { get; set; }
    [JsonPropertyName("author")] public JsonEmbedAuthor? Author { get; set; }
    [JsonPropertyName("fields")] public JsonEmbedField[]? Fields { get; set; }
}
