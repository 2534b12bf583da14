using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CineSync.Runtime.Serialization;

/// <summary>
/// JSON settings shared by grain call arguments of non-primitive types and by persisted grain state.
/// Register the <c>JsonSerializerContext</c> of your state and message types at start-up (before the first
/// call) so they serialise without reflection; types no context knows fall back to reflection-based
/// System.Text.Json.
/// </summary>
public static class GrainSerialization
{
    private static readonly ChainedResolver s_resolver = new();

    /// <summary>The options used for grain state and non-primitive call arguments.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = s_resolver,
    };

    /// <summary>Adds a resolver (typically a source-generated <c>JsonSerializerContext.Default</c>) ahead of reflection.</summary>
    public static void AddTypeInfoResolver(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        s_resolver.Add(resolver);
    }

    /// <summary>The type info for <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private sealed class ChainedResolver : IJsonTypeInfoResolver
    {
        private static readonly DefaultJsonTypeInfoResolver s_reflection = new();
        private IJsonTypeInfoResolver[] _resolvers = [];

        public void Add(IJsonTypeInfoResolver resolver)
        {
            lock (this)
            {
                if (Array.IndexOf(_resolvers, resolver) < 0)
                {
                    _resolvers = [.. _resolvers, resolver];
                }
            }
        }

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            foreach (var resolver in Volatile.Read(ref _resolvers))
            {
                if (resolver.GetTypeInfo(type, options) is { } info)
                {
                    return info;
                }
            }

            return s_reflection.GetTypeInfo(type, options);
        }
    }
}
