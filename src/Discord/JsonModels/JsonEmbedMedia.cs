using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An embed image or thumbnail.</summary>
public sealed class JsonEmbedMedia
{
    [JsonPropertyName("url")] public string Url { get; set; } = "";
}
