using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>The body of POST /interactions/{id}/{token}/callback (or of an HTTP interaction's response).</summary>
public sealed class JsonInteractionResponse
{
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("data")] public JsonInteractionCallbackData? Data { get; set; }
}
