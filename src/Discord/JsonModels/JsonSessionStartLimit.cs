using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>session_start_limit of GET /gateway/bot.</summary>
public sealed class JsonSessionStartLimit
{
    [JsonPropertyName("total")] public int Total { get; set; }
    [JsonPropertyName("remaining")] public int Remaining { get; set; }
    [JsonPropertyName("reset_after")] public long ResetAfter { get; set; }
    [JsonPropertyName("max_concurrency")] public int MaxConcurrency { get; set; } = 1;
}
