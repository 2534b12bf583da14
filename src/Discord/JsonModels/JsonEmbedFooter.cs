using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An embed footer.</summary>
public sealed class JsonEmbedFooter
{
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("icon_url")] public string? IconUrl { get; set; }
}
