using System.Threading.Channels;
using CineSync.Grains.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Grains.OnlineMetrics;

/// <summary>
/// Writes shown lists and their outcomes off the hot path: grains hand records over without waiting
/// (<see cref="Shown"/>, <see cref="Outcome"/>), and one loop per silo writes whatever queued while the previous write
/// ran, lists before outcomes, in one transaction. Unlike <see cref="RatingWriter"/> nobody waits for a commit: a
/// failed write is logged and dropped, so an acknowledged rating never waits on a metric, and a full queue drops records.
/// An outcome is stored only when a list showed its title to that user before it (a rating: within
/// <see cref="OnlineMetricsOptions.AttributionWindow"/>), attributed to the latest such list; the join happens in SQL.
/// </summary>
internal sealed partial class OnlineMetricsWriter : IAsyncDisposable
{
    private const string InsertListSql = """
        INSERT INTO shown_lists (list_id, user_id, shown_at, surface, model_version, experiment_id, arm, movie_ids)
        VALUES (@id, @user, @at, @surface, @version, @experiment, @arm, @movies)
        ON CONFLICT (list_id) DO NOTHING
        """;

    private const string InsertOutcomesSql = """
        INSERT INTO recommendation_outcomes (list_id, user_id, movie_id, position, kind, stars, occurred_at)
        SELECT l.list_id, o.user_id, o.movie_id, array_position(l.movie_ids, o.movie_id), o.kind, o.stars, o.at
        FROM unnest(@users, @movies, @kinds, @stars, @times, @since) AS o(user_id, movie_id, kind, stars, at, since)
        CROSS JOIN LATERAL (
            SELECT s.list_id, s.movie_ids FROM shown_lists s
            WHERE s.user_id = o.user_id AND o.movie_id = ANY (s.movie_ids) AND s.shown_at <= o.at AND s.shown_at > o.since
            ORDER BY s.shown_at DESC
            LIMIT 1) l
        """;

    private readonly Channel<object> _queue;
    private readonly GrainsDatabase _database;
    private readonly ILogger<OnlineMetricsWriter> _logger;
    private readonly OnlineMetricsOptions _options;
    private readonly Task _loop;
    private long _dropped;

    public OnlineMetricsWriter(GrainsDatabase database, IOptions<OnlineMetricsOptions> options, ILogger<OnlineMetricsWriter> logger)
    {
        _database = database;
        _logger = logger;
        _options = options.Value;
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(_options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Records that a list was shown; never waits.</summary>
    public void Shown(ShownList list) => Enqueue(list);

    /// <summary>Records what a user did about a title; never waits. Stored only when a list showed them that title.</summary>
    public void Outcome(ShownOutcome outcome) => Enqueue(outcome);

    /// <summary>Completes once everything handed over before the call is written (or failed and was dropped).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return WaitAsync();

        async Task WaitAsync()
        {
            await _queue.Writer.WriteAsync(flushed, cancellationToken).ConfigureAwait(false);
            await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private void Enqueue(object record)
    {
        if (!_queue.Writer.TryWrite(record) && Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            LogDropped(_logger, Interlocked.Read(ref _dropped));
        }
    }

    private async Task RunAsync()
    {
        var lists = new List<ShownList>();
        var outcomes = new List<ShownOutcome>();
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var taken = 0;
            while (taken++ < _options.MaxBatch && _queue.Reader.TryRead(out var item))
            {
                switch (item)
                {
                    case ShownList list: lists.Add(list); break;
                    case ShownOutcome outcome: outcomes.Add(outcome); break;
                    case TaskCompletionSource flush: flushes.Add(flush); break;
                }
            }

            try
            {
                if (lists.Count + outcomes.Count > 0)
                {
                    await WriteAsync(lists, outcomes).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                // Metrics are not worth a user's wait nor a retry loop during an outage: log and move on.
                LogWriteFailed(_logger, lists.Count, outcomes.Count, ex);
            }

            foreach (var flush in flushes)
            {
                flush.TrySetResult();
            }

            lists.Clear();
            outcomes.Clear();
            flushes.Clear();
        }
    }

    private async Task WriteAsync(List<ShownList> lists, List<ShownOutcome> outcomes)
    {
        await using var connection = await _database.OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        if (lists.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var list in lists)
            {
                var command = new NpgsqlBatchCommand(InsertListSql);
                command.Parameters.AddWithValue("id", list.ListId);
                command.Parameters.AddWithValue("user", list.UserId);
                command.Parameters.AddWithValue("at", list.ShownAt);
                command.Parameters.AddWithValue("surface", list.Surface == ListSurface.WatchParty ? "watch_party" : "recommend");
                command.Parameters.AddWithValue("version", list.ModelVersion);
                command.Parameters.Add(new NpgsqlParameter("experiment", NpgsqlDbType.Integer) { Value = (object?)list.ExperimentId ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("arm", NpgsqlDbType.Text) { Value = (object?)list.Arm ?? DBNull.Value });
                command.Parameters.AddWithValue("movies", list.MovieIds);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (outcomes.Count > 0)
        {
            var attribution = _options.AttributionWindow;
            await using var command = new NpgsqlCommand(InsertOutcomesSql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = outcomes.Select(o => o.UserId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("movies", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = outcomes.Select(o => o.MovieId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = outcomes.Select(o => o.Kind).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("stars", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = outcomes.Select(o => (decimal?)o.Stars).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = outcomes.Select(o => o.At).ToArray() });

            // Feedback answers a list's buttons, so any earlier list counts; a rating only within the attribution window.
            command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                Value = outcomes.Select(o => o.Kind == ShownOutcome.Rating ? o.At - attribution : DateTimeOffset.UnixEpoch).ToArray(),
            });
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Lists} shown lists and {Outcomes} outcomes failed; they are dropped from the online metrics")]
    private static partial void LogWriteFailed(ILogger logger, int lists, int outcomes, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The online metrics queue is full; {Dropped} records dropped so far")]
    private static partial void LogDropped(ILogger logger, long dropped);
}
