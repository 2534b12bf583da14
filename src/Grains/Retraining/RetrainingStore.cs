using System.Text.Json;
using CineSync.Grains.Data;
using CineSync.Grains.Interfaces;
using CineSync.Recommender.Data;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Grains.Retraining;

/// <summary>SQL of the retraining schedule: users' ratings since a time, the runs it records, metrics added to a model's row.</summary>
internal sealed class RetrainingStore(GrainsDatabase database)
{
    /// <summary>How many users' ratings are newer than <paramref name="since"/>.</summary>
    public async Task<int> CountRatingsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*)::int FROM user_ratings WHERE rated_at > @since", connection);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Every user's ratings (users with a rating newer than <paramref name="since"/> only), oldest first per user.</summary>
    public async Task<Dictionary<long, List<RatingRecord>>> LoadActiveUsersAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT user_id, movie_id, rating::real, extract(epoch FROM rated_at)::bigint FROM user_ratings
            WHERE user_id IN (SELECT user_id FROM user_ratings WHERE rated_at > @since)
            ORDER BY user_id, rated_at, movie_id
            """, connection) { CommandTimeout = 300 };
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        var users = new Dictionary<long, List<RatingRecord>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var user = reader.GetInt64(0);
            if (!users.TryGetValue(user, out var list))
            {
                users[user] = list = [];
            }

            list.Add(new RatingRecord(user, reader.GetInt32(1), reader.GetFloat(2), reader.GetInt64(3)));
        }

        return users;
    }

    /// <summary>The period of a stored reminder (Orleans' <c>orleans_reminders</c>, sql/0004), or null when there is none.</summary>
    public async Task<TimeSpan?> ReadReminderPeriodAsync(string serviceId, string grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT period FROM orleans_reminders WHERE service_id = @s AND grain_id = @g AND reminder_name = @n", connection);
        command.Parameters.AddWithValue("s", serviceId);
        command.Parameters.AddWithValue("g", grainId);
        command.Parameters.AddWithValue("n", reminderName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;
    }

    /// <summary>Merges <paramref name="metrics"/> into a trained model's stored metrics (what the dashboard shows as its offline quality).</summary>
    public async Task AddModelMetricsAsync(int version, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("UPDATE trained_models SET metrics = metrics || @metrics::jsonb WHERE version = @v", connection);
        command.Parameters.AddWithValue("v", version);
        command.Parameters.AddWithValue("metrics", JsonSerializer.Serialize(metrics.ToDictionary(m => m.Key, m => m.Value), GrainsJsonContext.Default.DictionaryStringDouble));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a run that trained a candidate or tried to.</summary>
    public async Task RecordAsync(RetrainingRun run, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO retraining_runs (started_at, finished_at, current_version, candidate_version, new_ratings, held_out, decision, experiment_id, metrics, note)
            VALUES (@started, @finished, @current, @candidate, @new, @held, @decision, @experiment, @metrics::jsonb, @note)
            """, connection);
        command.Parameters.AddWithValue("started", run.StartedAt.ToUniversalTime());
        command.Parameters.AddWithValue("finished", finishedAt.ToUniversalTime());
        command.Parameters.AddWithValue("current", run.CurrentVersion);
        command.Parameters.Add(new NpgsqlParameter("candidate", NpgsqlDbType.Integer) { Value = (object?)run.CandidateVersion ?? DBNull.Value });
        command.Parameters.AddWithValue("new", run.NewRatings);
        command.Parameters.AddWithValue("held", run.HeldOut);
        command.Parameters.AddWithValue("decision", run.Decision);
        command.Parameters.Add(new NpgsqlParameter("experiment", NpgsqlDbType.Integer) { Value = (object?)run.ExperimentId ?? DBNull.Value });
        command.Parameters.AddWithValue("metrics", JsonSerializer.Serialize(run.Metrics.ToDictionary(m => m.Key, m => m.Value), GrainsJsonContext.Default.DictionaryStringDouble));
        command.Parameters.AddWithValue("note", run.Note);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest recorded runs, newest first.</summary>
    public async Task<IReadOnlyList<RetrainingRun>> RecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT started_at, decision, current_version, candidate_version, new_ratings, held_out, experiment_id, metrics::text, note
            FROM retraining_runs ORDER BY started_at DESC, run_id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("limit", limit);
        var runs = new List<RetrainingRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new RetrainingRun(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                JsonSerializer.Deserialize(reader.GetString(7), GrainsJsonContext.Default.DictionaryStringDouble) ?? [],
                reader.GetString(8)));
        }

        return runs;
    }
}
