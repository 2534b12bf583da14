using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Model;
using CineSync.Discord.Emulator.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>
/// Every REST call goes through the same steps Discord applies: route, authenticate, rate-limit, validate the
/// body against the OpenAPI contract (400 50035 on failure), handle; then the exchange is recorded.
/// </summary>
internal sealed class RestPipeline(EmulatorState state, OpenApiContract contract, RateLimitSimulator limits, RestHandlers handlers)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var method = request.Method.ToUpperInvariant();
        var path = request.Path.Value ?? "/";
        var pathAndQuery = path + request.QueryString.Value;
        var at = state.Time.GetUtcNow();
        var body = await ReadBodyAsync(request, http.RequestAborted).ConfigureAwait(false);

        var match = contract.FindOperation(method, path);
        var handler = match is null ? null : handlers.Find(method, match.Operation.PathTemplate);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        RestResult result;
        if (match is null)
        {
            // Not an operation of Discord's API at all: the client built a wrong URL.
            state.Record(new ContractViolation(method, pathAndQuery, contract.ValidateRequest(method, pathAndQuery, body.Json), body.Json));
            result = DiscordErrors.NotFound();
        }
        else if (handler is null)
        {
            result = DiscordErrors.NotFound();
        }
        else if (!IsAuthorized(request, handler.RequiresAuthentication))
        {
            result = DiscordErrors.Unauthorized();
        }
        else
        {
            var decision = limits.Check(method, match.Operation.PathTemplate, MajorParameters(match.Parameters), pathAndQuery);
            foreach (var (name, value) in decision.Headers)
            {
                headers[name] = value;
            }

            result = decision.RetryAfter is { } retryAfter
                ? new RestResult(429, new JsonObject
                {
                    ["message"] = "You are being rate limited.",
                    ["retry_after"] = Math.Round(retryAfter.TotalSeconds, 3),
                    ["global"] = decision.Global,
                })
                : Handle(method, pathAndQuery, match, handler, body, request);
        }

        var responseText = result.Body?.ToJsonString(Compact);
        state.Record(new RecordedRequest(at, method, pathAndQuery, match?.Operation.PathTemplate, RedactedHeaders(request), body.Json, [.. body.Files.Select(file => file.FileName)], result.Status, responseText));

        http.Response.StatusCode = result.Status;
        foreach (var (name, value) in headers)
        {
            http.Response.Headers[name] = value;
        }

        if (responseText is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(responseText, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private RestResult Handle(string method, string pathAndQuery, OpenApiOperationMatch match, RestHandler handler, RequestBody body, HttpRequest request)
    {
        if (body.Error is not null)
        {
            return DiscordErrors.Error(400, body.Error, 50109);
        }

        var violations = contract.ValidateRequest(method, pathAndQuery, body.Json);
        if (violations.Count > 0)
        {
            state.Record(new ContractViolation(method, pathAndQuery, violations, body.Json));
            return DiscordErrors.InvalidFormBody(violations);
        }

        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var json = string.IsNullOrWhiteSpace(body.Json) ? null : JsonNode.Parse(body.Json);
        return handler.Handle(new RestRequest(method, pathAndQuery, match.Operation.PathTemplate, match.Parameters, query, json, body.Files));
    }

    private bool IsAuthorized(HttpRequest request, bool required)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            // Interaction and webhook token routes authenticate by their token, as on Discord.
            return !required;
        }

        return string.Equals(header, "Bot " + state.Options.BotToken, StringComparison.Ordinal);
    }

    private static readonly string[] MajorParameterNames = ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];

    /// <summary>Discord keys buckets by route plus its major parameters.</summary>
    private static string MajorParameters(IReadOnlyDictionary<string, string> parameters) =>
        string.Join('/', MajorParameterNames
            .Where(parameters.ContainsKey)
            .Select(name => parameters[name]));

    private static Dictionary<string, string> RedactedHeaders(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            var text = value.ToString();
            headers[name] = string.Equals(name, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
                ? text.Split(' ', 2)[0] + " [redacted]"
                : text;
        }

        return headers;
    }

    private async Task<RequestBody> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var payload = form.TryGetValue("payload_json", out var field) ? field.ToString() : null;
            var files = new List<EmulatedAttachment>();
            foreach (var file in form.Files)
            {
                using var stream = new MemoryStream();
                await file.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                if (file.Name == "payload_json")
                {
                    payload = Encoding.UTF8.GetString(stream.ToArray());
                    continue;
                }

                files.Add(new EmulatedAttachment(state.Ids.Next(), file.FileName, file.ContentType, stream.ToArray()));
            }

            return new RequestBody(payload, files, payload is null ? "multipart/form-data without payload_json" : ParseError(payload));
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return new RequestBody(text.Length == 0 ? null : text, [], text.Length == 0 ? null : ParseError(text));
    }

    private static string? ParseError(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return null;
        }
        catch (JsonException)
        {
            return "The request body contains invalid JSON.";
        }
    }

    private sealed record RequestBody(string? Json, IReadOnlyList<EmulatedAttachment> Files, string? Error);
}
