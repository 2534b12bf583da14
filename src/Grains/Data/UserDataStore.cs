using CineSync.Grains.Interfaces;
using Npgsql;

namespace CineSync.Grains.Data;

/// <summary>
/// SQL for one user's relational rows: ratings, feedback, and the privacy operations over every table. When the
/// database cannot be reached each operation throws <see cref="StorageUnavailableException"/> with what the user reads.
/// </summary>
internal sealed class UserDataStore(GrainsDatabase database)
{
    /// <summary>The user's ratings, oldest first.</summary>
    public async Task<List<RatedMovie>> LoadRatingsAsync(long userId, CancellationToken cancellationToken = default)
    {
        return await database.GuardAsync(StorageUnavailableException.CouldNotLoad, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT movie_id, rating, rated_at FROM user_ratings WHERE user_id = @u ORDER BY rated_at, movie_id", connection) { CommandTimeout = database.InteractiveCommandTimeout };
            command.Parameters.AddWithValue("u", userId);
            var ratings = new List<RatedMovie>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ratings.Add(new RatedMovie(reader.GetInt32(0), (float)reader.GetDecimal(1), reader.GetFieldValue<DateTimeOffset>(2).ToUnixTimeSeconds()));
            }

            return ratings;
        }).ConfigureAwait(false);
    }

    /// <summary>Deletes one rating (committed on return).</summary>
    public async Task DeleteRatingAsync(long userId, int movieId, CancellationToken cancellationToken = default)
    {
        await database.GuardAsync(StorageUnavailableException.CouldNotSave, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("DELETE FROM user_ratings WHERE user_id = @u AND movie_id = @m", connection) { CommandTimeout = database.InteractiveCommandTimeout };
            command.Parameters.AddWithValue("u", userId);
            command.Parameters.AddWithValue("m", movieId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Appends a feedback row (committed on return).</summary>
    public async Task AppendFeedbackAsync(long userId, int movieId, FeedbackKind kind, string? model, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await database.GuardAsync(StorageUnavailableException.CouldNotSave, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("INSERT INTO feedback (user_id, movie_id, kind, model, created_at) VALUES (@u, @m, @k, @model, @at)", connection) { CommandTimeout = database.InteractiveCommandTimeout };
            command.Parameters.AddWithValue("u", userId);
            command.Parameters.AddWithValue("m", movieId);
            command.Parameters.AddWithValue("k", FeedbackKinds.ToColumn(kind));
            command.Parameters.AddWithValue("model", (object?)model ?? DBNull.Value);
            command.Parameters.AddWithValue("at", at);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The user's feedback rows, oldest first.</summary>
    public async Task<List<FeedbackRow>> LoadFeedbackAsync(long userId, CancellationToken cancellationToken = default)
    {
        return await database.GuardAsync(StorageUnavailableException.CouldNotLoad, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT movie_id, kind, model, created_at FROM feedback WHERE user_id = @u ORDER BY feedback_id", connection) { CommandTimeout = database.InteractiveCommandTimeout };
            command.Parameters.AddWithValue("u", userId);
            var rows = new List<FeedbackRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new FeedbackRow(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }

            return rows;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes, in one transaction, every row about the user: ratings, feedback, the lists shown to them and their
    /// outcomes (online metrics), and the user grain's row in Orleans' grain storage (<c>orleans_storage</c>, keyed by service id, state name and the integer key in <c>grain_id_n1</c>).
    /// </summary>
    public async Task<DeletionReceipt> DeleteEverythingAsync(long userId, string serviceId, string stateName, CancellationToken cancellationToken = default)
    {
        return await database.GuardAsync(StorageUnavailableException.CouldNotSave, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var ratings = await ExecuteAsync(connection, database.InteractiveCommandTimeout, "DELETE FROM user_ratings WHERE user_id = @u", userId, cancellationToken).ConfigureAwait(false);
            var feedback = await ExecuteAsync(connection, database.InteractiveCommandTimeout, "DELETE FROM feedback WHERE user_id = @u", userId, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, database.InteractiveCommandTimeout, "DELETE FROM recommendation_outcomes WHERE user_id = @u", userId, cancellationToken).ConfigureAwait(false);
            var shown = await ExecuteAsync(connection, database.InteractiveCommandTimeout, "DELETE FROM shown_lists WHERE user_id = @u", userId, cancellationToken).ConfigureAwait(false);
            var state = await ExecuteAsync(connection, database.InteractiveCommandTimeout, """
                DELETE FROM orleans_storage
                WHERE service_id = @service AND grain_type_string = @state AND grain_id_n0 = 0 AND grain_id_n1 = @u AND grain_id_extension_string IS NULL
                """, userId, cancellationToken, ("service", serviceId), ("state", stateName)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new DeletionReceipt(ratings, feedback, state, shown);
        }).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, int timeout, string sql, long userId, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeout };
        command.Parameters.AddWithValue("u", userId);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A stored feedback row.</summary>
internal sealed record FeedbackRow(int MovieId, string Kind, string? Model, DateTimeOffset CreatedAt);

/// <summary>Feedback kinds as stored in the <c>feedback.kind</c> column and the metrics' <c>kind</c> tag.</summary>
internal static class FeedbackKinds
{
    public static string ToColumn(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Like => "like",
        FeedbackKind.Dislike => "dislike",
        FeedbackKind.NotInterested => "not_interested",
        FeedbackKind.Watched => "watched",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feedback kind."),
    };
}
