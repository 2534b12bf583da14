using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>Opcode 10 payload.</summary>
public sealed class JsonHello
{
    [JsonPropertyName("heartbeat_interval")] public int HeartbeatInterval { get; set; }
}
