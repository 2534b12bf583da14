using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A partial emoji on a button or select option.</summary>
public sealed class JsonEmoji
{
    [JsonPropertyName("id")] public ulong? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("animated")] public bool? Animated { get; set; }
}
