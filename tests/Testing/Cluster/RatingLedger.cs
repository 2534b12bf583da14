using Npgsql;

namespace CineSync.Testing.Cluster;

/// <summary>Checks acknowledged ratings against <c>user_ratings</c>, the system of record, read straight from PostgreSQL.</summary>
public static class RatingLedger
{
    /// <summary>
    /// The acknowledged calls whose rating is not in <c>user_ratings</c> with the acknowledged stars (the load rates each
    /// (user, title) once, so any other value, or no row, is a lost rating).
    /// </summary>
    public static async Task<IReadOnlyList<RatingCall>> FindMissingAsync(string connectionString, IReadOnlyCollection<RatingCall> acknowledged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        if (acknowledged.Count == 0)
        {
            return [];
        }

        var stored = new Dictionary<(long, int), decimal>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT user_id, movie_id, rating FROM user_ratings WHERE user_id BETWEEN @first AND @last", connection);
            command.Parameters.AddWithValue("first", acknowledged.Min(c => c.UserId));
            command.Parameters.AddWithValue("last", acknowledged.Max(c => c.UserId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored[(reader.GetInt64(0), reader.GetInt32(1))] = reader.GetDecimal(2);
            }
        }

        return [.. acknowledged.Where(c => !stored.TryGetValue((c.UserId, c.MovieId), out var stars) || stars != (decimal)c.Stars)];
    }
}
