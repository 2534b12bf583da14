using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.OpenApi;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>Discord's JSON error bodies.</summary>
internal static class DiscordErrors
{
    public static RestResult Unauthorized() => Error(401, "401: Unauthorized", 0);

    public static RestResult NotFound() => Error(404, "404: Not Found", 0);

    public static RestResult UnknownInteraction() => Error(404, "Unknown interaction", 10062);

    public static RestResult UnknownWebhook() => Error(404, "Unknown Webhook", 10015);

    public static RestResult UnknownMessage() => Error(404, "Unknown Message", 10008);

    public static RestResult UnknownChannel() => Error(404, "Unknown Channel", 10003);

    public static RestResult InvalidWebhookToken() => Error(401, "Invalid Webhook Token", 50027);

    public static RestResult AlreadyAcknowledged() => Error(400, "Interaction has already been acknowledged.", 40060);

    public static RestResult Error(int status, string message, int code) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code });

    /// <summary>50035 "Invalid Form Body" with errors nested by path, each leaf holding <c>_errors</c>.</summary>
    public static RestResult InvalidFormBody(IEnumerable<SchemaViolation> violations)
    {
        var errors = new JsonObject();
        foreach (var violation in violations)
        {
            var node = errors;
            var segments = violation.Segments.Count > 0 ? violation.Segments : [violation.Path.Trim('{', '}')];
            foreach (var segment in segments)
            {
                var key = segment.ToString()!;
                if (node[key] is not JsonObject child)
                {
                    child = [];
                    node[key] = child;
                }

                node = child;
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = Code(violation.Rule), ["message"] = violation.Message });
        }

        return new RestResult(400, new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = errors });
    }

    private static string Code(string rule) => rule switch
    {
        "required" => "BASE_TYPE_REQUIRED",
        "maxLength" => "BASE_TYPE_MAX_LENGTH",
        "minLength" => "BASE_TYPE_MIN_LENGTH",
        "maxItems" or "minItems" => "BASE_TYPE_BAD_LENGTH",
        "maximum" => "NUMBER_TYPE_MAX",
        "minimum" => "NUMBER_TYPE_MIN",
        "enum" or "const" => "BASE_TYPE_CHOICES",
        "oneOf" or "anyOf" => "UNION_TYPE_CHOICES",
        "type" => "BASE_TYPE_INVALID",
        _ => "BASE_TYPE_INVALID_" + rule.ToUpperInvariant(),
    };
}

/// <summary>A handler's answer.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">JSON body, or null for none (204).</param>
internal sealed record RestResult(int Status, JsonNode? Body = null)
{
    public static RestResult NoContent { get; } = new(204);

    public static RestResult Ok(JsonNode body) => new(200, body);
}
