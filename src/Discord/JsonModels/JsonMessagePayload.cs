using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>The body of a message we send: interaction callback data, follow-up, or edit.</summary>
public class JsonMessagePayload
{
    [JsonPropertyName("tts")] public bool? Tts { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("embeds")] public JsonEmbed[]? Embeds { get; set; }
    [JsonPropertyName("allowed_mentions")] public JsonAllowedMentions? AllowedMentions { get; set; }
    [JsonPropertyName("flags")] public int? Flags { get; set; }
    [JsonPropertyName("components")] public JsonComponent[]? Components { get; set; }
    [JsonPropertyName("attachments")] public JsonAttachment[]? Attachments { get; set; }
}
