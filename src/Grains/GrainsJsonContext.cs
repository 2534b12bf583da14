using System.Text.Json;
using System.Text.Json.Serialization;
using CineSync.Grains.Taste;

namespace CineSync.Grains;

/// <summary>Source-generated JSON for grain state and the model metrics column.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(UserTasteState))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
internal sealed partial class GrainsJsonContext : JsonSerializerContext;
