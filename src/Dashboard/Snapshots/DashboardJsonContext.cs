using System.Text.Json;
using System.Text.Json.Serialization;
using CineSync.Dashboard.Logging;

namespace CineSync.Dashboard.Snapshots;

/// <summary>Source-generated serialisation of every JSON document the dashboard serves or fetches from peers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DashboardSnapshot))]
[JsonSerializable(typeof(GrainsView))]
[JsonSerializable(typeof(MethodsView))]
[JsonSerializable(typeof(RecommendationsView))]
[JsonSerializable(typeof(LogLine))]
[JsonSerializable(typeof(LogLine[]))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;

/// <summary>The grain types page: per-type figures and the silos they are spread over.</summary>
internal sealed record GrainsView(long SampledAtUnixMs, IReadOnlyList<string> Silos, IReadOnlyList<GrainTypeStats> GrainTypes);

/// <summary>The methods page: the top methods by the chosen key.</summary>
internal sealed record MethodsView(long SampledAtUnixMs, string SortedBy, int Total, IReadOnlyList<MethodStats> Methods);

/// <summary>The recommendation health page.</summary>
internal sealed record RecommendationsView(long SampledAtUnixMs, RecommendationStats Recommendations, IReadOnlyList<string> UnreachableSilos);
