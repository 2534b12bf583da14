using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Silo.Hosting;

/// <summary>The body of GET /health.</summary>
internal sealed record HealthResponse(string Status, double DurationMs, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

/// <summary>One check in the body of GET /health.</summary>
internal sealed record HealthCheckResponse(string Status, string? Description, IReadOnlyDictionary<string, object>? Data);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
