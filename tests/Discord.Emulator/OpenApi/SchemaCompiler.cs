using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// Turns schema JSON into <see cref="CompiledSchema"/> graphs. <c>$ref</c> targets are compiled once and
/// shared; a target is registered before its keywords are read so recursive schemas terminate.
/// </summary>
internal sealed class SchemaCompiler(JsonElement document)
{
    private readonly Dictionary<string, CompiledSchema> _byReference = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CompiledSchema> References => _byReference;

    public CompiledSchema CompileReference(string reference)
    {
        if (_byReference.TryGetValue(reference, out var known))
        {
            return known;
        }

        var target = Resolve(reference);
        var schema = new CompiledSchema { Name = reference[(reference.LastIndexOf('/') + 1)..] };
        _byReference.Add(reference, schema);
        Fill(schema, target);
        return schema;
    }

    public CompiledSchema Compile(JsonElement element)
    {
        var schema = new CompiledSchema();
        Fill(schema, element);
        return schema;
    }

    private readonly List<CompiledSchema> _all = [];

    /// <summary>Finishes every schema compiled so far (hash sets for enums); call once after compiling.</summary>
    public void Seal()
    {
        foreach (var schema in _all)
        {
            schema.Seal();
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local $ref values are supported, not '{reference}'.");
        }

        var node = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var name = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!node.TryGetProperty(name, out node))
            {
                throw new KeyNotFoundException($"The spec has no '{reference}'.");
            }
        }

        return node;
    }

    private void Fill(CompiledSchema schema, JsonElement element)
    {
        _all.Add(schema);
        if (element.ValueKind == JsonValueKind.False)
        {
            schema.Never = true;
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var keyword in element.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref": schema.Ref = CompileReference(value.GetString()!); break;
                case "title": schema.Name ??= value.GetString(); break;
                case "type": schema.Types = ParseTypes(value); break;
                case "properties":
                    schema.Properties = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        var compiled = Compile(property.Value);
                        SpecDeviations.Apply(property.Name, compiled);
                        schema.Properties[property.Name] = compiled;
                    }

                    break;
                case "required": schema.Required = [.. value.EnumerateArray().Select(item => item.GetString()!)]; break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.False)
                    {
                        schema.ForbidAdditionalProperties = true;
                    }
                    else if (value.ValueKind == JsonValueKind.Object)
                    {
                        schema.AdditionalProperties = Compile(value);
                    }

                    break;
                case "minProperties": schema.MinProperties = value.GetInt32(); break;
                case "maxProperties": schema.MaxProperties = value.GetInt32(); break;
                case "items": schema.Items = Compile(value); break;
                case "minItems": schema.MinItems = value.GetInt32(); break;
                case "maxItems": schema.MaxItems = value.GetInt32(); break;
                case "uniqueItems": schema.UniqueItems = value.GetBoolean(); break;
                case "allOf": schema.AllOf = CompileAll(value); break;
                case "anyOf": schema.AnyOf = CompileAll(value); break;
                case "oneOf": schema.OneOf = CompileAll(value); break;
                case "enum": schema.Enum = [.. value.EnumerateArray().Select(item => item.Clone())]; break;
                case "const": schema.Const = value.Clone(); break;
                case "minimum": schema.Minimum = value.GetDecimal(); break;
                case "maximum": schema.Maximum = value.GetDecimal(); break;
                case "exclusiveMinimum": schema.ExclusiveMinimum = value.GetDecimal(); break;
                case "exclusiveMaximum": schema.ExclusiveMaximum = value.GetDecimal(); break;
                case "minLength": schema.MinLength = value.GetInt32(); break;
                case "maxLength": schema.MaxLength = value.GetInt32(); break;
                case "pattern": schema.Pattern = new Regex(value.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); break;
                case "format": schema.Format = value.GetString(); break;
                default: break; // annotations (description, contentEncoding, x-discord-*) do not constrain
            }
        }
    }

    private CompiledSchema[] CompileAll(JsonElement array) => [.. array.EnumerateArray().Select(Compile)];

    private static JsonTypes ParseTypes(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Aggregate(JsonTypes.None, (all, item) => all | ParseType(item.GetString()))
            : ParseType(value.GetString());

    private static JsonTypes ParseType(string? name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "string" => JsonTypes.String,
        _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"Unknown JSON type '{name}'.")),
    };
}
