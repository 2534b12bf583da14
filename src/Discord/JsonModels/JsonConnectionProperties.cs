using System.Text.Json.Serialization;

namespace CineSync.Discord.JsonModels;

/// <summary>The <c>properties</c> object of Identify.</summary>
public sealed class JsonConnectionProperties
{
    [JsonPropertyName("os")] public string Os { get; set; } = "";
    [JsonPropertyName("browser")] public string Browser { get; set; } = "";
    [JsonPropertyName("device")] public string Device { get; set; } = "";
}
