using Npgsql;

namespace CineSync.Database.Import;

public sealed partial class CatalogImporter
{
    /// <summary>
    /// Recomputes movies.popularity (number of corpus ratings) and movies.mean_rating from
    /// corpus_ratings. Rows whose figures did not change are not touched.
    /// </summary>
    public async Task RefreshMovieStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await RefreshMovieStatisticsAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RefreshMovieStatisticsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE movies m SET popularity = s.ratings, mean_rating = s.mean
            FROM (SELECT m2.movie_id, count(r.movie_id)::real AS ratings, avg(r.rating)::real AS mean
                  FROM movies m2 LEFT JOIN corpus_ratings r ON r.movie_id = m2.movie_id
                  GROUP BY m2.movie_id) s
            WHERE m.movie_id = s.movie_id
              AND (m.popularity IS DISTINCT FROM s.ratings OR m.mean_rating IS DISTINCT FROM s.mean)
            """, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
