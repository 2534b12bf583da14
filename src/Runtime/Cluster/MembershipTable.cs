using Npgsql;
using NpgsqlTypes;

namespace CineSync.Runtime.Cluster;

/// <summary>
/// The <c>cluster_members</c> / <c>cluster_versions</c> tables. Every status change bumps the table version
/// and the row version in one transaction, each guarded by the version the writer read (compare-and-swap),
/// so two silos declaring the same peer dead, or a peer heartbeating while it is declared dead, cannot
/// corrupt the table: the loser's update matches no row and is retried on a fresh read.
/// Times come from the database clock (<c>now()</c>), so silo clock skew does not matter.
/// </summary>
internal sealed class MembershipTable(NpgsqlDataSource dataSource, string clusterId)
{
    public string ClusterId => clusterId;

    public async Task JoinAsync(MembershipEntry self, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await BumpVersionAsync(connection, transaction, expected: null, cancellationToken).ConfigureAwait(false);

        // An older incarnation on the same endpoint is dead for sure: the new one owns the port.
        await using (var retire = new NpgsqlCommand(
            """
            UPDATE cluster_members SET status = 'dead', version = version + 1
            WHERE cluster_id = @c AND address = @a AND port = @p AND generation < @g AND status <> 'dead'
            """, connection, transaction))
        {
            AddKey(retire, self.Silo);
            await retire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO cluster_members (cluster_id, address, port, generation, gateway_port, silo_name, roles, status, started_at, i_am_alive_at)
            VALUES (@c, @a, @p, @g, @gw, @n, @r, @s, now(), now())
            """, connection, transaction))
        {
            AddKey(insert, self.Silo);
            insert.Parameters.AddWithValue("gw", NpgsqlDbType.Integer, (object?)self.GatewayPort ?? DBNull.Value);
            insert.Parameters.AddWithValue("n", self.Name);
            insert.Parameters.AddWithValue("r", NpgsqlDbType.Array | NpgsqlDbType.Text, self.Roles.ToArray());
            insert.Parameters.AddWithValue("s", MembershipEntry.ToDb(self.Status));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refreshes <c>i_am_alive_at</c>; false when the silo's row is dead or gone (it must stop).</summary>
    public async Task<bool> HeartbeatAsync(SiloAddress self, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE cluster_members SET i_am_alive_at = now()
            WHERE cluster_id = @c AND address = @a AND port = @p AND generation = @g AND status <> 'dead'
            """);
        AddKey(command, self);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Reads the table; rows whose heartbeat is older than <paramref name="deathTimeout"/> are flagged stale.</summary>
    public async Task<MembershipSnapshot> ReadAsync(TimeSpan deathTimeout, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT m.address, m.port, m.generation, m.silo_name, m.gateway_port, m.roles, m.status, m.version,
                   m.i_am_alive_at < now() - @timeout AS stale, v.version
            FROM cluster_versions v LEFT JOIN cluster_members m ON m.cluster_id = v.cluster_id
            WHERE v.cluster_id = @c
            """);
        command.Parameters.AddWithValue("c", clusterId);
        command.Parameters.AddWithValue("timeout", deathTimeout);
        var members = new List<MembershipEntry>();
        long version = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.GetInt64(9);
            if (reader.IsDBNull(0))
            {
                continue;
            }

            members.Add(new MembershipEntry(
                new SiloAddress(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.GetFieldValue<string[]>(5),
                MembershipEntry.FromDb(reader.GetString(6)),
                reader.GetInt64(7),
                reader.GetBoolean(8)));
        }

        return new MembershipSnapshot(version, members);
    }

    /// <summary>
    /// Sets a silo's status if neither the table nor its row changed since <paramref name="seen"/> was read;
    /// false when another writer got there first.
    /// </summary>
    public async Task<bool> TryUpdateStatusAsync(MembershipSnapshot seen, MembershipEntry entry, SiloStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await BumpVersionAsync(connection, transaction, seen.Version, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await using var update = new NpgsqlCommand(
            """
            UPDATE cluster_members SET status = @s, version = version + 1
            WHERE cluster_id = @c AND address = @a AND port = @p AND generation = @g AND version = @v
            """, connection, transaction);
        AddKey(update, entry.Silo);
        update.Parameters.AddWithValue("s", MembershipEntry.ToDb(status));
        update.Parameters.AddWithValue("v", entry.RowVersion);
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes dead rows whose last heartbeat is older than <paramref name="retention"/>.</summary>
    public async Task<int> CleanupDefunctAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM cluster_members WHERE cluster_id = @c AND status = 'dead' AND i_am_alive_at < now() - @retention");
        command.Parameters.AddWithValue("c", clusterId);
        command.Parameters.AddWithValue("retention", retention);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> BumpVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long? expected, CancellationToken cancellationToken)
    {
        if (expected is null)
        {
            await using var ensure = new NpgsqlCommand(
                """
                INSERT INTO cluster_versions (cluster_id, version) VALUES (@c, 1)
                ON CONFLICT (cluster_id) DO UPDATE SET version = cluster_versions.version + 1
                """, connection, transaction);
            ensure.Parameters.AddWithValue("c", clusterId);
            await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        await using var bump = new NpgsqlCommand(
            "UPDATE cluster_versions SET version = version + 1 WHERE cluster_id = @c AND version = @v", connection, transaction);
        bump.Parameters.AddWithValue("c", clusterId);
        bump.Parameters.AddWithValue("v", expected.Value);
        return await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private void AddKey(NpgsqlCommand command, SiloAddress silo)
    {
        command.Parameters.AddWithValue("c", clusterId);
        command.Parameters.AddWithValue("a", silo.Address);
        command.Parameters.AddWithValue("p", silo.Port);
        command.Parameters.AddWithValue("g", silo.Generation);
    }
}
