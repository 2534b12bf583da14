using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>The body of a 429.</summary>
public sealed class JsonRateLimitResponse
{
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("retry_after")] public double RetryAfter { get; set; }
    [JsonPropertyName("global")] public bool Global { get; set; }
    [JsonPropertyName("code")] public int? Code { get; set; }
}
