using System.Collections.Concurrent;
using System.Text.Json;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// Discord's OpenAPI spec, compiled for validating request bodies: resolve an operation from a method and a
/// concrete path, then check a JSON body against its <c>application/json</c> request schema.
/// Instances are immutable and thread-safe; <see cref="Load"/> shares one per file.
/// </summary>
public sealed class OpenApiContract
{
    private const string VersionPrefix = "/api/v10";
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiContract>> Loaded = new(StringComparer.Ordinal);

    private readonly SchemaCompiler _compiler;
    private readonly List<PathTemplate> _templates = [];
    private readonly Dictionary<int, PathTemplate[]> _templatesByLength;

    /// <summary>Reads and compiles the spec at <paramref name="specPath"/> (about 1 MB; prefer <see cref="Load"/>).</summary>
    public OpenApiContract(string specPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(specPath);
        using var stream = File.OpenRead(specPath);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement.Clone();
        _compiler = new SchemaCompiler(root);

        foreach (var name in root.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            _compiler.CompileReference("#/components/schemas/" + name.Name);
        }

        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            _templates.Add(new PathTemplate(path.Name, ReadOperations(path.Name, path.Value)));
        }

        _compiler.Seal();
        _templatesByLength = _templates.GroupBy(template => template.SegmentCount).ToDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>All operations in the spec.</summary>
    public IEnumerable<OpenApiOperation> Operations => _templates.SelectMany(template => template.Operations.Values);

    /// <summary>The compiled spec at <paramref name="specPath"/>, loaded once per process.</summary>
    public static OpenApiContract Load(string specPath) =>
        Loaded.GetOrAdd(Path.GetFullPath(specPath), full => new Lazy<OpenApiContract>(() => new OpenApiContract(full))).Value;

    /// <summary>Whether <c>#/components/schemas/{name}</c> exists.</summary>
    public bool HasSchema(string schemaName) => _compiler.References.ContainsKey("#/components/schemas/" + schemaName);

    /// <summary>
    /// Finds the operation for <paramref name="method"/> and a concrete <paramref name="path"/> such as
    /// <c>/api/v10/applications/123/commands?with_localizations=true</c>; literal segments beat parameters
    /// (<c>messages/@original</c> beats <c>messages/{message_id}</c>).
    /// </summary>
    public OpenApiOperationMatch? FindOperation(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var segments = Segments(path);
        OpenApiOperationMatch? best = null;
        var bestLiterals = -1;
        foreach (var template in _templatesByLength.GetValueOrDefault(segments.Length, []))
        {
            if (template.Literals > bestLiterals
                && template.Operations.TryGetValue(method.ToUpperInvariant(), out var operation)
                && template.TryMatch(segments, out var parameters))
            {
                (best, bestLiterals) = (new OpenApiOperationMatch(operation, parameters), template.Literals);
            }
        }

        return best;
    }

    /// <summary>Validates a request: the path parameters and the JSON body (null when there is none).</summary>
    public IReadOnlyList<SchemaViolation> ValidateRequest(string method, string path, JsonElement? body)
    {
        var match = FindOperation(method, path);
        if (match is null)
        {
            return [CompiledSchema.Violation(JsonPointer.Root, "operation", $"the spec has no operation {method} {path}")];
        }

        var errors = new List<SchemaViolation>();
        foreach (var (name, value) in match.Parameters)
        {
            if (match.Operation.PathParameters.TryGetValue(name, out var schema))
            {
                var parameterErrors = new List<SchemaViolation>();
                schema.Validate(JsonSerializer.SerializeToElement(value, OpenApiJsonContext.Default.String), JsonPointer.Root, parameterErrors);
                errors.AddRange(parameterErrors.Select(error => error with { Path = "{" + name + "}", Message = error.Message }));
            }
        }

        if (body is { } json && json.ValueKind != JsonValueKind.Undefined)
        {
            if (match.Operation.JsonBody is null)
            {
                errors.Add(CompiledSchema.Violation(JsonPointer.Root, "requestBody", $"{match.Operation} takes no JSON body"));
            }
            else
            {
                match.Operation.JsonBody.Validate(json, JsonPointer.Root, errors);
            }
        }
        else if (match.Operation.BodyRequired)
        {
            errors.Add(CompiledSchema.Violation(JsonPointer.Root, "requestBody", $"{match.Operation} requires a body"));
        }

        return errors;
    }

    /// <summary>Validates a request whose body is JSON text (empty or null for no body).</summary>
    public IReadOnlyList<SchemaViolation> ValidateRequest(string method, string path, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ValidateRequest(method, path, (JsonElement?)null);
        }

        using var document = ParseOrNull(json, out var parseError);
        return document is null
            ? [CompiledSchema.Violation(JsonPointer.Root, "json", parseError!)]
            : ValidateRequest(method, path, document.RootElement);
    }

    /// <summary>Validates <paramref name="value"/> against <c>#/components/schemas/{schemaName}</c>.</summary>
    public IReadOnlyList<SchemaViolation> ValidateSchema(string schemaName, JsonElement value)
    {
        if (!_compiler.References.TryGetValue("#/components/schemas/" + schemaName, out var schema))
        {
            throw new KeyNotFoundException($"The spec has no schema named '{schemaName}'.");
        }

        var errors = new List<SchemaViolation>();
        schema.Validate(value, JsonPointer.Root, errors);
        return errors;
    }

    private static JsonDocument? ParseOrNull(string json, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            error = "the body is not valid JSON: " + exception.Message;
            return null;
        }
    }

    private Dictionary<string, OpenApiOperation> ReadOperations(string template, JsonElement pathItem)
    {
        var shared = pathItem.TryGetProperty("parameters", out var common) ? common : default;
        var operations = new Dictionary<string, OpenApiOperation>(StringComparer.Ordinal);
        foreach (var entry in pathItem.EnumerateObject())
        {
            if (entry.Name is "parameters" or "summary" or "description" or "servers")
            {
                continue;
            }

            var method = entry.Name.ToUpperInvariant();
            CompiledSchema? body = null;
            var required = false;
            if (entry.Value.TryGetProperty("requestBody", out var requestBody))
            {
                required = requestBody.TryGetProperty("required", out var flag) && flag.GetBoolean();
                if (requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    body = _compiler.Compile(json.GetProperty("schema"));
                }
            }

            var parameters = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
            foreach (var source in new[] { shared, entry.Value.TryGetProperty("parameters", out var own) ? own : default })
            {
                if (source.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var parameter in source.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path"))
                {
                    parameters[parameter.GetProperty("name").GetString()!] = _compiler.Compile(parameter.GetProperty("schema"));
                }
            }

            var operationId = entry.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null;
            operations[method] = new OpenApiOperation(method, template, operationId, body, required, parameters);
        }

        return operations;
    }

    private static string[] Segments(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var clean = query >= 0 ? path[..query] : path;
        if (clean.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            clean = clean[VersionPrefix.Length..];
        }

        return clean.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }
}
