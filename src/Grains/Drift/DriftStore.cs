using CineSync.Grains.Data;
using Npgsql;

namespace CineSync.Grains.Drift;

/// <summary>
/// The distributions drift compares, counted in SQL: the training data of a model (the corpus plus users' ratings up
/// to its training time, which is what the trainer reads) and users' ratings in a recent window.
/// </summary>
internal sealed class DriftStore(GrainsDatabase database)
{
    private const string Counts = """
        SELECT 'genre', g, count(*) FROM r JOIN movies m USING (movie_id)
            CROSS JOIN unnest(CASE WHEN cardinality(m.genres) = 0 THEN ARRAY['(no genre)'] ELSE m.genres END) AS g
            GROUP BY g
        UNION ALL
        SELECT 'popularity',
               CASE WHEN m.popularity < 5 THEN 'a: under 5 ratings' WHEN m.popularity < 20 THEN 'b: 5–19' WHEN m.popularity < 50 THEN 'c: 20–49'
                    WHEN m.popularity < 100 THEN 'd: 50–99' WHEN m.popularity < 200 THEN 'e: 100–199' ELSE 'f: 200+' END AS band,
               count(*)
            FROM r JOIN movies m USING (movie_id) GROUP BY band
        UNION ALL
        SELECT 'rating', to_char(round(r.rating::numeric * 2) / 2, 'FM0.0') AS stars, count(*) FROM r GROUP BY stars
        """;

    private const string ReferenceSql = $"""
        WITH r AS (
            SELECT movie_id, rating::real AS rating FROM corpus_ratings
            UNION ALL
            SELECT movie_id, rating::real FROM user_ratings WHERE rated_at <= @trained
        )
        {Counts}
        """;

    private const string RecentSql = $"""
        WITH r AS (SELECT movie_id, rating::real AS rating FROM user_ratings WHERE rated_at > @since AND rated_at <= @until)
        {Counts}
        """;

    /// <summary>What a model trained at <paramref name="trainedAt"/> learnt from.</summary>
    public Task<RatingDistributions> ReadReferenceAsync(DateTimeOffset trainedAt, CancellationToken cancellationToken = default) =>
        ReadAsync(ReferenceSql, [("trained", trainedAt.ToUniversalTime())], cancellationToken);

    /// <summary>Users' ratings in (<paramref name="since"/>, <paramref name="until"/>].</summary>
    public Task<RatingDistributions> ReadRecentAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        ReadAsync(RecentSql, [("since", since.ToUniversalTime()), ("until", until.ToUniversalTime())], cancellationToken);

    private async Task<RatingDistributions> ReadAsync(string sql, (string Name, DateTimeOffset Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal)
        {
            ["genre"] = new(StringComparer.Ordinal),
            ["popularity"] = new(StringComparer.Ordinal),
            ["rating"] = new(StringComparer.Ordinal),
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)][reader.GetString(1)] = reader.GetInt64(2);
        }

        return new RatingDistributions(counts["rating"].Values.Sum(), counts["genre"], counts["popularity"], counts["rating"]);
    }
}
