using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineSync.Dashboard.Api;

/// <summary>The dashboard API's JSON, generated at compile time (camelCase, nulls written: the page tells "none" from "missing").</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ClusterView))]
[JsonSerializable(typeof(QualityView))]
[JsonSerializable(typeof(ExperimentActionResult))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
