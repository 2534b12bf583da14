using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An attachment; when uploading, <c>id</c> is the index of the matching <c>files[n]</c> part.</summary>
public sealed class JsonAttachment
{
    [JsonPropertyName("id")] public ulong Id { get; set; }
    [JsonPropertyName("filename")] public string? FileName { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("content_type")] public string? ContentType { get; set; }
    [JsonPropertyName("size")] public long? Size { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
}
