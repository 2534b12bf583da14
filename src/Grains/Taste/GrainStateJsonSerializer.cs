using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orleans.Storage;

namespace CineSync.Grains.Taste;

/// <summary>
/// Writes grain state as plain camelCase JSON, source-generated for CineSync's state types: no CLR type names in the
/// rows (Orleans' default writes Newtonsoft <c>$type</c>), so rows stay readable and survive a rename of a class.
/// Types without generated metadata (state of Orleans' own grains, if any) fall back to reflection, still without types.
/// </summary>
public sealed class GrainStateJsonSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(GrainsJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, TypeInfo<T?>()));

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize(input.ToMemory().Span, TypeInfo<T>())
            ?? throw new JsonException($"Stored {typeof(T).Name} state is JSON null.");
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
