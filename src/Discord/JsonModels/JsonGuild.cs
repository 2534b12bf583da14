using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A guild as seen in READY (unavailable) and GUILD_CREATE; only the fields the bot reads.</summary>
public sealed class JsonGuild
{
    [JsonPropertyName("id")] public ulong Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("unavailable")] public bool? Unavailable { get; set; }
    [JsonPropertyName("member_count")] public int? MemberCount { get; set; }
}
