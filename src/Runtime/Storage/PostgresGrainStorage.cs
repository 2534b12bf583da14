using System.Globalization;
using System.Text.Json;
using CineSync.Runtime.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Runtime.Storage;

/// <summary>
/// Grain storage in the <c>grain_state</c> table, keyed by (grain type, grain key, state name). The version
/// column is the ETag: a write updates only the row whose version still equals the ETag (or inserts only
/// when no row exists), so a stale writer gets <see cref="InconsistentStateException"/> and overwrites
/// nothing. Clearing keeps the row as a tombstone (JSON null) with a new version for the same reason.
/// Payloads are System.Text.Json through <see cref="GrainSerialization.Options"/>: source-generated for
/// types whose context was registered, reflection otherwise (storage I/O, never the call path).
/// </summary>
internal sealed class PostgresGrainStorage(string name, Func<NpgsqlDataSource> dataSource) : IGrainStorage, IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(dataSource);

    public async Task ReadStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.Value.CreateCommand("""
            SELECT version, schema_version, payload::text
            FROM grain_state
            WHERE grain_type = @type AND grain_key = @key AND state_name = @state
            """);
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            state.State = StateFactory<T>.Create();
            state.ETag = null;
            state.RecordExists = false;
            return;
        }

        var version = reader.GetInt64(0);
        var schemaVersion = reader.GetInt32(1);
        if (schemaVersion > StateFactory<T>.SchemaVersion)
        {
            throw new InvalidOperationException($"State {key} in storage '{name}' has schema version {schemaVersion}, newer than {typeof(T).Name}'s {StateFactory<T>.SchemaVersion}.");
        }

        var payload = reader.GetString(2);
        var stored = JsonSerializer.Deserialize(payload, GrainSerialization.GetTypeInfo<T>());
        state.RecordExists = stored is not null;
        state.State = stored ?? StateFactory<T>.Create();
        state.ETag = version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task WriteStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(state.State, GrainSerialization.GetTypeInfo<T>());
        var version = await WriteAsync(key, state.ETag, payload, StateFactory<T>.SchemaVersion, cancellationToken).ConfigureAwait(false);
        state.ETag = version.ToString(CultureInfo.InvariantCulture);
        state.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(GrainStateKey key, IGrainState<T> state, CancellationToken cancellationToken)
    {
        if (state.ETag is null)
        {
            // Nothing was ever stored (as far as this writer knows): insert nothing, but a concurrent
            // writer's row must still make this conflict.
            await using var check = _dataSource.Value.CreateCommand("SELECT 1 FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @state");
            AddKey(check, key);
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                throw Conflict(key, state.ETag);
            }
        }
        else
        {
            var version = await WriteAsync(key, state.ETag, "null", StateFactory<T>.SchemaVersion, cancellationToken).ConfigureAwait(false);
            state.ETag = version.ToString(CultureInfo.InvariantCulture);
        }

        state.State = StateFactory<T>.Create();
        state.RecordExists = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated)
        {
            await _dataSource.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<long> WriteAsync(GrainStateKey key, string? etag, string payload, int schemaVersion, CancellationToken cancellationToken)
    {
        NpgsqlCommand command;
        if (etag is null)
        {
            command = _dataSource.Value.CreateCommand("""
                INSERT INTO grain_state (grain_type, grain_key, state_name, version, schema_version, payload)
                VALUES (@type, @key, @state, 1, @schema, @payload)
                ON CONFLICT DO NOTHING
                RETURNING version
                """);
        }
        else
        {
            command = _dataSource.Value.CreateCommand("""
                UPDATE grain_state
                SET payload = @payload, schema_version = @schema, version = version + 1, updated_at = now()
                WHERE grain_type = @type AND grain_key = @key AND state_name = @state AND version = @version
                RETURNING version
                """);
            command.Parameters.AddWithValue("version", long.Parse(etag, CultureInfo.InvariantCulture));
        }

        await using (command)
        {
            AddKey(command, key);
            command.Parameters.AddWithValue("schema", schemaVersion);
            command.Parameters.Add(new NpgsqlParameter<string>("payload", NpgsqlDbType.Jsonb) { TypedValue = payload });
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
                ? version
                : throw Conflict(key, etag);
        }
    }

    private InconsistentStateException Conflict(GrainStateKey key, string? etag) =>
        new($"Version conflict on {key} in storage '{name}': the stored state changed since version {etag ?? "(none)"} was read. Nothing was written.", null, etag);

    private static void AddKey(NpgsqlCommand command, GrainStateKey key)
    {
        command.Parameters.AddWithValue("type", key.GrainType);
        command.Parameters.AddWithValue("key", key.GrainKey);
        command.Parameters.AddWithValue("state", key.StateName);
    }
}
