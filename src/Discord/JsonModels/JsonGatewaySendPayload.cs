using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A gateway frame we send. <c>d</c> is always written, even when null (a first heartbeat carries <c>d: null</c>).</summary>
public sealed class JsonGatewaySendPayload<T>
{
    [JsonPropertyName("op")] public int Opcode { get; set; }

    [JsonPropertyName("d")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public T? Data { get; set; }
}
