using CineSync.Grains.Data;
using CineSync.Grains.Interfaces;
using Npgsql;

namespace CineSync.Grains.Experiments;

/// <summary>The <c>experiments</c> table: at most one running row (a partial unique index), ended rows kept for history.</summary>
internal sealed class ExperimentStore(GrainsDatabase database)
{
    private const string Columns = "experiment_id, name, origin, control_version, candidate_version, candidate_share, status, started_at, ended_at, note";

    /// <summary>The running experiment, or null.</summary>
    public async Task<RunningExperiment?> GetRunningAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT experiment_id, control_version, candidate_version, candidate_share FROM experiments WHERE status = 'running'", connection) { CommandTimeout = database.InteractiveCommandTimeout };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RunningExperiment(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3))
            : null;
    }

    /// <summary>The running experiment first, then the most recently started, at most <paramref name="limit"/>.</summary>
    public async Task<List<ExperimentRow>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM experiments ORDER BY status = 'running' DESC, started_at DESC, experiment_id DESC LIMIT @limit", connection);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One experiment, or null.</summary>
    public async Task<ExperimentRow?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM experiments WHERE experiment_id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>Starts an experiment; refuses when one is running or a version does not exist.</summary>
    public async Task<ExperimentRow> StartAsync(string name, string origin, int controlVersion, int candidateVersion, double share, DateTimeOffset now, string? note, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO experiments (name, origin, control_version, candidate_version, candidate_share, status, started_at, note)
            VALUES (@name, @origin, @control, @candidate, @share, 'running', @now, @note)
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("origin", origin);
        command.Parameters.AddWithValue("control", controlVersion);
        command.Parameters.AddWithValue("candidate", candidateVersion);
        command.Parameters.AddWithValue("share", share);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
        try
        {
            return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).Single();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var running = await GetRunningAsync(cancellationToken).ConfigureAwait(false);
            throw new ExperimentException($"Experiment #{running?.Id} is already running: promote or stop it first.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new ExperimentException($"There is no trained model version {candidateVersion}.");
        }
    }

    /// <summary>Ends a running experiment with <paramref name="status"/>; null when it is not running.</summary>
    public async Task<ExperimentRow?> EndAsync(int id, string status, DateTimeOffset now, string note, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            UPDATE experiments SET status = @status, ended_at = @now, note = concat_ws(' · ', note, @note)
            WHERE experiment_id = @id AND status = 'running'
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("note", note);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static async Task<List<ExperimentRow>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ExperimentRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ExperimentRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetDouble(5),
                reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return rows;
    }
}
