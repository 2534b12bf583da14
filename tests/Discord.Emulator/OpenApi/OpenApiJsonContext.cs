using System.Text.Json.Serialization;

namespace CineSync.Discord.Emulator.OpenApi;

[JsonSerializable(typeof(string))]
internal sealed partial class OpenApiJsonContext : JsonSerializerContext;
