namespace CineSync.Runtime;

/// <summary>A grain's state as last read or written, with its ETag.</summary>
/// <typeparam name="TState">The state type.</typeparam>
public interface IGrainState<TState>
{
    /// <summary>The state. A new instance when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored record this state came from; null when nothing is stored.</summary>
    string? ETag { get; set; }

    /// <summary>Whether a record exists in storage.</summary>
    bool RecordExists { get; set; }
}

/// <summary>
/// A named piece of grain state in a storage provider. Writes are checked against <see cref="IGrainState{TState}.ETag"/>:
/// when another writer got there first the write throws <see cref="InconsistentStateException"/> and
/// overwrites nothing.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
public interface IPersistentState<TState> : IGrainState<TState>
{
    /// <summary>Reloads the state from storage.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state if the stored version still matches the ETag.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored state if the stored version still matches, and resets <see cref="IGrainState{TState}.State"/>.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
