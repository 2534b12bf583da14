using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A gateway frame as received: <c>op</c>, <c>d</c>, <c>s</c>, <c>t</c>. <c>d</c> stays raw until the opcode is known.</summary>
public sealed class JsonGatewayPayload
{
    [JsonPropertyName("op")] public int Opcode { get; set; }
    [JsonPropertyName("d")] public JsonElement Data { get; set; }
    [JsonPropertyName("s")] public int? Sequence { get; set; }
    [JsonPropertyName("t")] public string? EventName { get; set; }
}
