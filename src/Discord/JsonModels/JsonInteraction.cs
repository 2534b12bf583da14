using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An Interaction object (INTERACTION_CREATE d, or the body of an HTTP interaction).</summary>
public sealed class JsonInteraction
{
    [JsonPropertyName("id")] public ulong Id { get; set; }
    [JsonPropertyName("application_id")] public ulong ApplicationId { get; set; }
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("data")] public JsonInteractionData? Data { get; set; }
    [JsonPropertyName("guild_id")] public ulong? GuildId { get; set; }
    [JsonPropertyName("channel_id")] public ulong? ChannelId { get; set; }
    [JsonPropertyName("member")] public JsonGuildMember? Member { get; set; }
    [JsonPropertyName("user")] public JsonUser? User { get; set; }
    [JsonPropertyName("token")] public string Token { get; set; } = "";
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("message")] public JsonMessage? Message { get; set; }
    [JsonPropertyName("app_permissions")] public string? AppPermissions { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("guild_locale")] public string? GuildLocale { get; set; }
    [JsonPropertyName("context")] public int? Context { get; set; }
    [JsonPropertyName("attachment_size_limit")] public long? AttachmentSizeLimit { get; set; }
}
