using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A message as returned by REST or carried by a component interaction.</summary>
public sealed class JsonMessage
{
    [JsonPropertyName("id")] public ulong Id { get; set; }
    [JsonPropertyName("channel_id")] public ulong? ChannelId { get; set; }
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("author")] public JsonUser? Author { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("edited_timestamp")] public DateTimeOffset? EditedTimestamp { get; set; }
    [JsonPropertyName("tts")] public bool? Tts { get; set; }
    [JsonPropertyName("pinned")] public bool? Pinned { get; set; }
    [JsonPropertyName("mention_everyone")] public bool? MentionEveryone { get; set; }
    [JsonPropertyName("mentions")] public JsonUser[]? Mentions { get; set; }
    [JsonPropertyName("mention_roles")] public ulong[]? MentionRoles { get; set; }
    [JsonPropertyName("flags")] public int? Flags { get; set; }
    [JsonPropertyName("embeds")] public JsonEmbed[]? Embeds { get; set; }
    [JsonPropertyName("components")] public JsonComponent[]? Components { get; set; }
    [JsonPropertyName("attachments")] public JsonAttachment[]? Attachments { get; set; }
    [JsonPropertyName("interaction_metadata")] public JsonElement? InteractionMetadata { get; set; }
}
