using CineSync.Grains.Catalogue;
using CineSync.Grains.Data;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Grains.OnlineMetrics;

/// <summary>The figures of the lists shown in a time range (optionally one experiment's), in total and per segment.</summary>
/// <param name="Total">Every list.</param>
/// <param name="Segments">Per model version and experiment arm.</param>
internal sealed record FiguresBySegment(OnlineFigures Total, IReadOnlyDictionary<SegmentKey, OnlineFigures> Segments);

/// <summary>
/// Reads the online metrics from <c>shown_lists</c> and <c>recommendation_outcomes</c>: counts and coverage in SQL,
/// intra-list diversity over the most recent lists with the catalogue's genres.
/// </summary>
internal sealed class OnlineMetricsStore(GrainsDatabase database, CatalogueStore catalogueStore, IOptions<OnlineMetricsOptions> options)
{
    private const string Filter = "shown_at > @since AND shown_at <= @until AND (@experiment IS NULL OR experiment_id = @experiment)";

    private const string CountsSql = $"""
        WITH lists AS (
            SELECT list_id, model_version, experiment_id, arm, cardinality(movie_ids) AS titles
            FROM shown_lists WHERE {Filter}
        ), outcomes AS (
            SELECT o.list_id,
                   count(*) FILTER (WHERE o.kind = 'like') AS likes,
                   count(*) FILTER (WHERE o.kind = 'dislike') AS dislikes,
                   count(*) FILTER (WHERE o.kind = 'not_interested') AS not_interested,
                   count(*) FILTER (WHERE o.kind = 'watched') AS watched,
                   count(DISTINCT o.movie_id) FILTER (WHERE o.kind = 'rating') AS rated,
                   sum(o.stars) FILTER (WHERE o.kind = 'rating') AS stars_sum,
                   count(*) FILTER (WHERE o.kind = 'rating') AS stars_count
            FROM recommendation_outcomes o JOIN lists l USING (list_id)
            GROUP BY o.list_id
        )
        SELECT grouping(l.model_version) = 1, l.model_version, l.experiment_id, l.arm,
               count(*), coalesce(sum(l.titles), 0)::bigint,
               coalesce(sum(o.likes), 0)::bigint, coalesce(sum(o.dislikes), 0)::bigint, coalesce(sum(o.not_interested), 0)::bigint, coalesce(sum(o.watched), 0)::bigint,
               coalesce(sum(o.rated), 0)::bigint, (sum(o.stars_sum) / nullif(sum(o.stars_count), 0))::float8
        FROM lists l LEFT JOIN outcomes o USING (list_id)
        GROUP BY GROUPING SETS ((l.model_version, l.experiment_id, l.arm), ())
        """;

    private const string CoverageSql = $"""
        SELECT grouping(model_version) = 1, model_version, experiment_id, arm, count(DISTINCT movie_id)
        FROM shown_lists, unnest(movie_ids) AS movie_id
        WHERE {Filter}
        GROUP BY GROUPING SETS ((model_version, experiment_id, arm), ())
        """;

    private const string SampleSql = $"""
        SELECT model_version, experiment_id, arm, movie_ids FROM shown_lists
        WHERE {Filter}
        ORDER BY shown_at DESC
        LIMIT @sample
        """;

    private const string TrendSql = """
        WITH lists AS (
            SELECT list_id, date_bin('1 hour', shown_at, @origin) AS hour, cardinality(movie_ids) AS titles
            FROM shown_lists WHERE shown_at > @since AND shown_at <= @until
        )
        SELECT l.hour, count(*), coalesce(sum(l.titles), 0)::bigint,
               coalesce(sum((SELECT count(*) FROM recommendation_outcomes o WHERE o.list_id = l.list_id AND o.kind = 'like')), 0)::bigint,
               coalesce(sum((SELECT count(DISTINCT o.movie_id) FROM recommendation_outcomes o WHERE o.list_id = l.list_id AND o.kind = 'rating')), 0)::bigint
        FROM lists l
        GROUP BY l.hour ORDER BY l.hour
        """;

    /// <summary>The lists shown in (<paramref name="since"/>, <paramref name="until"/>], only <paramref name="experimentId"/>'s when given.</summary>
    public async Task<FiguresBySegment> ReadAsync(DateTimeOffset since, DateTimeOffset until, int? experimentId = null, CancellationToken cancellationToken = default)
    {
        var catalogue = await catalogueStore.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<SegmentKey, OnlineFigures>();
        await using (var command = Command(CountsSql, connection, since, until, experimentId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[Key(reader)] = new OnlineFigures(
                    reader.GetInt64(4),
                    reader.GetInt64(5),
                    reader.GetInt64(6),
                    reader.GetInt64(7),
                    reader.GetInt64(8),
                    reader.GetInt64(9),
                    reader.GetInt64(10),
                    reader.IsDBNull(11) ? null : reader.GetDouble(11),
                    0,
                    null);
            }
        }

        var titles = Math.Max(1, catalogue.Count);
        await using (var command = Command(CoverageSql, connection, since, until, experimentId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = Key(reader);
                if (counts.TryGetValue(key, out var figures))
                {
                    counts[key] = figures with { Coverage = (double)reader.GetInt64(4) / titles };
                }
            }
        }

        var diversity = new Dictionary<SegmentKey, (double Sum, int Lists)>();
        await using (var command = Command(SampleSql, connection, since, until, experimentId))
        {
            command.Parameters.AddWithValue("sample", options.Value.DiversitySample);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = new SegmentKey(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                if (ListDiversity.Of(reader.GetFieldValue<int[]>(3), id => catalogue.Find(id)?.Info.Genres) is { } value)
                {
                    foreach (var bucket in new[] { key, SegmentKey.Total })
                    {
                        var (sum, lists) = diversity.GetValueOrDefault(bucket);
                        diversity[bucket] = (sum + value, lists + 1);
                    }
                }
            }
        }

        foreach (var (key, (sum, lists)) in diversity)
        {
            if (counts.TryGetValue(key, out var figures))
            {
                counts[key] = figures with { Diversity = sum / lists };
            }
        }

        return new FiguresBySegment(
            counts.GetValueOrDefault(SegmentKey.Total) ?? OnlineFigures.None,
            counts.Where(c => !c.Key.IsTotal).ToDictionary(c => c.Key, c => c.Value));
    }

    /// <summary>Per hour since <paramref name="since"/>, hours aligned on <paramref name="until"/>'s hour.</summary>
    public async Task<IReadOnlyList<OnlineTrendPoint>> ReadTrendAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(TrendSql, connection, since, until, null);
        command.Parameters.AddWithValue("origin", new DateTimeOffset(until.Year, until.Month, until.Day, until.Hour, 0, 0, TimeSpan.Zero));
        var points = new List<OnlineTrendPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            points.Add(new OnlineTrendPoint(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return points;
    }

    private static SegmentKey Key(NpgsqlDataReader reader) =>
        reader.GetBoolean(0) ? SegmentKey.Total : new SegmentKey(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3));

    private NpgsqlCommand Command(string sql, NpgsqlConnection connection, DateTimeOffset since, DateTimeOffset until, int? experimentId)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = Math.Max(30, database.InteractiveCommandTimeout) };
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        command.Parameters.AddWithValue("until", until.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("experiment", NpgsqlDbType.Integer) { Value = (object?)experimentId ?? DBNull.Value });
        return command;
    }
}
