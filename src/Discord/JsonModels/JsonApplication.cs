using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>An application (GET /applications/@me, READY.application).</summary>
public sealed class JsonApplication
{
    [JsonPropertyName("id")] public ulong Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("flags")] public int? Flags { get; set; }
    [JsonPropertyName("verify_key")] public string? VerifyKey { get; set; }
}
