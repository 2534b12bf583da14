using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An embed author.</summary>
public sealed class JsonEmbedAuthor
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("icon_url")] public string? IconUrl { get; set; }
}
