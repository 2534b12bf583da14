using System.Threading.Channels;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Grains.Data;

/// <summary>
/// Group commit for ratings: one writer loop per silo takes every rating queued while the previous commit ran (up to
/// <see cref="CineSyncGrainsOptions.MaxRatingBatch"/>) and upserts them in one statement, one transaction. Each
/// caller's task completes only after that COMMIT, so a rating is durable before it is acknowledged, while the
/// database sees one round trip and one WAL flush per batch instead of per rating. Batching needs no timer: under
/// light load a batch is a single row written at once; under heavy load batches grow while a commit is in flight.
/// </summary>
internal sealed partial class RatingWriter : IAsyncDisposable
{
    private const string UpsertSql = """
        INSERT INTO user_ratings (user_id, movie_id, rating, rated_at)
        SELECT * FROM unnest(@users, @movies, @ratings, @times)
        ON CONFLICT (user_id, movie_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at
        """;

    private readonly Channel<PendingRating> _queue = Channel.CreateUnbounded<PendingRating>(new UnboundedChannelOptions { SingleReader = true });
    private readonly GrainsDatabase _database;
    private readonly ILogger<RatingWriter> _logger;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public RatingWriter(GrainsDatabase database, IOptions<CineSyncGrainsOptions> options, ILogger<RatingWriter> logger)
    {
        _database = database;
        _logger = logger;
        _maxBatch = options.Value.MaxRatingBatch;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Upserts one rating; completes once it is committed.</summary>
    public Task WriteAsync(long userId, int movieId, float stars, DateTimeOffset ratedAt)
    {
        var pending = new PendingRating(userId, movieId, stars, ratedAt, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingRating>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                foreach (var item in batch)
                {
                    item.Done.TrySetResult();
                }
            }
            catch (Exception ex) when (batch.Count > 1 && DatabaseFaults.IsDataError(ex))
            {
                // One bad row must not fail its neighbours: retry each alone so only the culprit sees the error.
                LogBatchFailed(_logger, batch.Count, ex);
                foreach (var item in batch)
                {
                    await CommitAloneAsync(item).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                // A lost connection or an unreachable server fails every row alike: retrying each alone would only
                // stall the queue for one connect timeout per row while the database is down.
                if (batch.Count > 1)
                {
                    LogBatchUnwritable(_logger, batch.Count, ex);
                }

                var failure = Failure(ex);
                foreach (var item in batch)
                {
                    item.Done.TrySetException(failure);
                }
            }

            batch.Clear();
        }
    }

    private async Task CommitAloneAsync(PendingRating item)
    {
        try
        {
            await CommitAsync([item]).ConfigureAwait(false);
            item.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            item.Done.TrySetException(Failure(ex));
        }
    }

    private async Task CommitAsync(List<PendingRating> batch)
    {
        // The same (user, movie) twice in one statement would make ON CONFLICT fail: the latest write wins.
        var latest = new Dictionary<(long, int), PendingRating>(batch.Count);
        foreach (var item in batch)
        {
            latest[(item.UserId, item.MovieId)] = item;
        }

        var rows = latest.Values;
        await using var connection = await _database.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(UpsertSql, connection) { CommandTimeout = _database.InteractiveCommandTimeout };
        command.Parameters.Add(new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.UserId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("movies", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.MovieId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ratings", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = rows.Select(r => (decimal)r.Stars).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.RatedAt).ToArray() });
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>What the raters are told: "try again in a moment" when the database is unreachable, else the error itself.</summary>
    private Exception Failure(Exception exception) =>
        DatabaseFaults.IsUnavailable(exception) ? _database.Unavailable(exception, StorageUnavailableException.CouldNotSave) : exception;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} ratings failed; committing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} ratings could not reach the database; all of them failed")]
    private static partial void LogBatchUnwritable(ILogger logger, int count, Exception exception);

    private sealed record PendingRating(long UserId, int MovieId, float Stars, DateTimeOffset RatedAt, TaskCompletionSource Done);
}
