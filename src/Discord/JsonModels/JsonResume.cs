using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>Opcode 6 payload.</summary>
public sealed class JsonResume
{
    [JsonPropertyName("token")] public string Token { get; set; } = "";
    [JsonPropertyName("session_id")] public string SessionId { get; set; } = "";
    [JsonPropertyName("seq")] public int Sequence { get; set; }
}
