using System.Globalization;
using System.Text.Json;
using CineSync.Runtime.Serialization;

namespace CineSync.Runtime.Storage;

/// <summary>
/// Grain storage in process memory, for tests and development. Keeps serialised copies (so a grain's later
/// changes never leak into storage without a write) and checks ETags exactly like the PostgreSQL provider.
/// </summary>
internal sealed class MemoryGrainStorage : IGrainStorage
{
    // A cleared state keeps its version (payload null), so a writer holding a pre-clear ETag still conflicts.
    private readonly Dictionary<GrainStateKey, (long Version, byte[]? Payload)> _records = [];

    public Task ReadStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            var found = _records.TryGetValue(key, out var record);
            state.State = record.Payload is { } payload ? JsonSerializer.Deserialize(payload, GrainSerialization.GetTypeInfo<T>())! : StateFactory<T>.Create();
            state.ETag = found ? record.Version.ToString(CultureInfo.InvariantCulture) : null;
            state.RecordExists = record.Payload is not null;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(state.State, GrainSerialization.GetTypeInfo<T>());
        lock (_records)
        {
            var stored = _records.TryGetValue(key, out var record) ? record.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (stored != state.ETag)
            {
                throw new InconsistentStateException($"Version conflict writing {key}: stored {stored ?? "nothing"}, expected {state.ETag ?? "nothing"}.", stored, state.ETag);
            }

            var version = record.Version + 1;
            _records[key] = (version, payload);
            state.ETag = version.ToString(CultureInfo.InvariantCulture);
            state.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            var stored = _records.TryGetValue(key, out var record) ? record.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (stored != state.ETag)
            {
                throw new InconsistentStateException($"Version conflict clearing {key}: stored {stored ?? "nothing"}, expected {state.ETag ?? "nothing"}.", stored, state.ETag);
            }

            if (stored is null)
            {
                return Task.CompletedTask;
            }

            _records[key] = (record.Version + 1, null);
            state.State = StateFactory<T>.Create();
            state.ETag = (record.Version + 1).ToString(CultureInfo.InvariantCulture);
            state.RecordExists = false;
        }

        return Task.CompletedTask;
    }
}
