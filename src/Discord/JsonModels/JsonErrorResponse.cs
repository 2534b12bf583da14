using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>A REST error body: a JSON error code, a message and optional field errors.</summary>
public sealed class JsonErrorResponse
{
    [JsonPropertyName("code")] public int Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("errors")] public JsonElement? Errors { get; set; }
}
