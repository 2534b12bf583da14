using System.Globalization;
using CineSync.Grains.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace CineSync.Grains.Taste;

/// <summary>
/// Carries the taste state that CineSync's earlier runtime kept in <c>grain_state</c> (favourite genres, ensemble
/// beliefs, hidden titles, feedback counts) into Orleans' grain storage, once, before the silo takes calls. It writes
/// through the configured storage provider itself, so the rows get exactly the keys and hashes Orleans reads back,
/// and deletes each legacy row once its copy is stored. Silos starting together serialise on an advisory lock; a
/// row already carried by another silo surfaces as an ETag conflict and is only deleted.
/// </summary>
internal sealed partial class LegacyTasteStateCarryOver(
    GrainsDatabase database,
    IServiceProvider services,
    ILogger<LegacyTasteStateCarryOver> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    // After grain storage has initialised (ApplicationServices), before the silo becomes active and takes calls.
    private const int Stage = ServiceLifecycleStage.ApplicationServices + 100;

    // "CSLEGACY" in ASCII: distinct from the migration runner's lock.
    private const long AdvisoryLockKey = 0x43534C4547414359;

    // The earlier runtime keyed rows by (grain type, key, state name) and named this state "taste".
    private const string LegacyStateName = "taste";

    private static readonly GrainStateJsonSerializer Serializer = new();

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<LegacyTasteStateCarryOver>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LegacyTasteStateCarryOver>());
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LegacyTasteStateCarryOver), Stage, CarryOverAsync);

    /// <summary>Moves every legacy taste row; returns how many were moved by this call.</summary>
    public async Task<int> CarryOverAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!await LegacyTableExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken).ConfigureAwait(false);
        try
        {
            var rows = await ReadLegacyRowsAsync(connection, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return 0;
            }

            var storage = services.GetRequiredKeyedService<IGrainStorage>(UserTasteGrain.StorageName);
            var moved = 0;
            foreach (var (key, payload) in rows)
            {
                if (!long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var userId))
                {
                    LogSkipped(logger, key);
                    continue;
                }

                // Tombstones (JSON null) were cleared states: nothing to carry, only to delete.
                if (payload != "null" && await MoveAsync(storage, userId, payload, cancellationToken).ConfigureAwait(false))
                {
                    moved++;
                }

                await using var delete = new NpgsqlCommand("DELETE FROM grain_state WHERE grain_type = @type AND grain_key = @key", connection);
                delete.Parameters.AddWithValue("type", UserTasteGrain.GrainTypeName);
                delete.Parameters.AddWithValue("key", key);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            LogCarriedOver(logger, moved, rows.Count);
            return moved;
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<bool> MoveAsync(IGrainStorage storage, long userId, string payload, CancellationToken cancellationToken)
    {
        // The earlier runtime wrote the same camelCase JSON shape this serializer reads.
        var state = new GrainState<UserTasteState>(Serializer.Deserialize<UserTasteState>(BinaryData.FromString(payload)));
        var grainId = GrainId.Create(GrainType.Create(UserTasteGrain.GrainTypeName), GrainIdKeyExtensions.CreateIntegerKey(userId));
        try
        {
            await storage.WriteStateAsync(UserTasteGrain.StateName, grainId, state, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (InconsistentStateException)
        {
            // Orleans already holds state for this user (carried by another silo, or written since): keep that.
            return false;
        }
    }

    private static async Task<bool> LegacyTableExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('grain_state') IS NOT NULL", connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private static async Task<List<(string Key, string Payload)>> ReadLegacyRowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT grain_key, payload::text FROM grain_state
            WHERE grain_type = @type AND state_name = @state
            ORDER BY grain_key
            """, connection);
        command.Parameters.AddWithValue("type", UserTasteGrain.GrainTypeName);
        command.Parameters.AddWithValue("state", LegacyStateName);
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried {Moved} of {Rows} users' taste state from the earlier runtime's grain_state table into Orleans grain storage")]
    private static partial void LogCarriedOver(ILogger logger, int moved, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Legacy taste state with key '{Key}' is not a user id; left in grain_state")]
    private static partial void LogSkipped(ILogger logger, string key);
}
