using System.Text.Json;
using System.Text.Json.Serialization;
using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Serialization;

/// <summary>The one source-generated serializer context for every wire type of the client.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeConverter)])]
[JsonSerializable(typeof(JsonGatewayPayload))]
[JsonSerializable(typeof(JsonGatewaySendPayload<JsonIdentify>))]
[JsonSerializable(typeof(JsonGatewaySendPayload<JsonResume>))]
[JsonSerializable(typeof(JsonGatewaySendPayload<int?>))]
[JsonSerializable(typeof(JsonHello))]
[JsonSerializable(typeof(JsonIdentify))]
[JsonSerializable(typeof(JsonResume))]
[JsonSerializable(typeof(JsonReady))]
[JsonSerializable(typeof(JsonGuild))]
[JsonSerializable(typeof(JsonApplication))]
[JsonSerializable(typeof(JsonGatewayBot))]
[JsonSerializable(typeof(JsonUser))]
[JsonSerializable(typeof(JsonInteraction))]
[JsonSerializable(typeof(JsonInteractionResponse))]
[JsonSerializable(typeof(JsonMessagePayload))]
[JsonSerializable(typeof(JsonMessage))]
[JsonSerializable(typeof(JsonApplicationCommand))]
[JsonSerializable(typeof(JsonApplicationCommand[]))]
[JsonSerializable(typeof(JsonRateLimitResponse))]
[JsonSerializable(typeof(JsonErrorResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
