using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An application command, as sent to bulk overwrite and as returned by it.</summary>
public sealed class JsonApplicationCommand
{
    [JsonPropertyName("id")] public ulong? Id { get; set; }
    [JsonPropertyName("application_id")] public ulong? ApplicationId { get; set; }
    [JsonPropertyName("guild_id")] public ulong? GuildId { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("options")] public JsonCommandOption[]? Options { get; set; }
    [JsonPropertyName("default_member_permissions")] public string? DefaultMemberPermissions { get; set; }
    [JsonPropertyName("nsfw")] public bool? Nsfw { get; set; }
    [JsonPropertyName("contexts")] public int[]? Contexts { get; set; }
    [JsonPropertyName("integration_types")] public int[]? IntegrationTypes { get; set; }
    [JsonPropertyName("version")] public ulong? Version { get; set; }
}
