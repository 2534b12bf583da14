namespace CineSync.Runtime.Storage;

/// <summary>Identifies one stored state: grain type, grain key and state name (never the state name alone).</summary>
/// <param name="GrainType">The grain type name.</param>
/// <param name="GrainKey">The grain key as text.</param>
/// <param name="StateName">The state's name.</param>
public readonly record struct GrainStateKey(string GrainType, string GrainKey, string StateName)
{
    /// <inheritdoc />
    public override string ToString() => $"{GrainType}/{GrainKey}/{StateName}";
}

/// <summary>
/// A grain storage provider. Implementations check writes against the ETag: a write or clear whose ETag
/// does not match the stored version throws <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Loads the state (or a fresh one with a null ETag when nothing is stored).</summary>
    Task ReadStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken);

    /// <summary>Stores the state if its ETag matches; updates the ETag.</summary>
    Task WriteStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken);

    /// <summary>Deletes the stored state if its ETag matches; the ETag becomes null.</summary>
    Task ClearStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken);
}
