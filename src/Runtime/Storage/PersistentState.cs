using System.Reflection;

namespace CineSync.Runtime.Storage;

/// <summary>A grain's named state bound to a storage provider.</summary>
internal sealed class PersistentState<TState>(IGrainStorage storage, GrainStateKey key) : IPersistentState<TState>, IStateLoader
{
    public TState State { get; set; } = StateFactory<TState>.Create();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadStateAsync(CancellationToken cancellationToken = default) => storage.ReadStateAsync(key, this, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) => storage.WriteStateAsync(key, this, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default) => storage.ClearStateAsync(key, this, cancellationToken);
}

/// <summary>Creates empty states and knows their schema version.</summary>
internal static class StateFactory<TState>
{
    public static readonly int SchemaVersion = typeof(TState).GetCustomAttribute<StateSchemaVersionAttribute>()?.Version ?? 1;

    private static readonly bool s_constructible = typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null;

    public static TState Create() => s_constructible ? Activator.CreateInstance<TState>() : default!;
}
