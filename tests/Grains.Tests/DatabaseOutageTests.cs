using System.Collections.Concurrent;
using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Grains.Interfaces;
using CineSync.Testing;
using Npgsql;
using Orleans.Runtime;

namespace CineSync.Grains.Tests;

/// <summary>
/// PostgreSQL stops under a running cluster and comes back: warm users keep their recommendations, writes are refused
/// with "try again in a moment" (never a success, never a hang), writes work again once the database is back without
/// restarting anything, and every rating that was acknowledged is in <c>user_ratings</c>.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const int Raters = 4;

    /// <summary>Only stops a hang (so a broken build fails instead of stalling the suite); generous for a busy machine.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);
    private PrivatePostgres _postgres = null!;
    private CineSyncTestCluster _cluster = null!;
    private CatalogueProbe _catalogue = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        await DatabaseMigrator.MigrateAsync(_postgres.ConnectionString);
        await new CatalogImporter(_postgres.ConnectionString).ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));
        await CineSync.Grains.Training.ModelTrainer.TrainAndPublishAsync(_postgres.ConnectionString, GrainsFixture.Training);
        _catalogue = await CatalogueProbe.LoadAsync(_postgres.ConnectionString);
        _cluster = await TestDatabases.StartSiloAsync(_postgres.ConnectionString);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_warm_users_keep_their_answers_writes_ask_to_try_again_and_every_acknowledged_rating_survives()
    {
        var reader = _cluster.Client.GetGrain<IUserTasteGrain>(7_000_000_000_001);
        await Users.RateAllAsync(reader, _catalogue.Thrillers, 5f);
        var before = await reader.GetRecommendationsAsync(new RecommendationQuery(5));
        Assert.True(before.Personal);

        var movies = _catalogue.Popular("Drama", "Horror", 2000);
        var raters = Enumerable.Range(0, Raters).Select(i => new Rater(_cluster.Client.GetGrain<IUserTasteGrain>(7_000_000_000_100 + i), movies, i)).ToList();
        using var stop = new CancellationTokenSource();
        var loops = raters.Select(r => r.RunAsync(stop.Token)).ToList();
        await Task.WhenAll(raters.Select(r => r.Acknowledged(3))).WaitAsync(HangGuard);

        await _postgres.StopAsync();

        // Every rater is told its rating was not saved: failing fast, not hanging until Orleans' 30 s response timeout.
        await Task.WhenAll(raters.Select(r => r.Refused)).WaitAsync(HangGuard);
        var notSaved = await Assert.ThrowsAsync<StorageUnavailableException>(() => reader.FeedbackAsync(before.Items[0].Title.MovieId, FeedbackKind.Like, null));
        Assert.Equal(StorageUnavailableException.CouldNotSave, notSaved.Message);
        var genresNotSaved = await Assert.ThrowsAsync<StorageUnavailableException>(() => reader.SetFavouriteGenresAsync(["Comedy"]));
        Assert.Equal(StorageUnavailableException.CouldNotSave, genresNotSaved.Message);

        // A warm user's reads need no database.
        var during = await reader.GetRecommendationsAsync(new RecommendationQuery(5));
        Assert.Equal(before.Items.Select(i => i.Title.MovieId), during.Items.Select(i => i.Title.MovieId));
        var why = await reader.ExplainAsync(during.Items[0].Title.MovieId);
        Assert.Equal(during.Items[0].Title.MovieId, why.Title.MovieId);
        Assert.NotEmpty(await reader.GetSimilarAsync(_catalogue.Thrillers[0], 5));

        // A user whose ratings are not in memory cannot be answered, and is told so.
        // Its state is read at activation, before any grain code runs, so Orleans wraps the refusal (the bot unwraps it).
        var cold = await Assert.ThrowsAsync<OrleansException>(() => _cluster.Client.GetGrain<IUserTasteGrain>(7_000_000_000_999).GetRecommendationsAsync(new RecommendationQuery(5)));
        Assert.Equal(StorageUnavailableException.CouldNotLoad, Assert.IsType<StorageUnavailableException>(cold.InnerException).Message);

        await _postgres.RestartAsync();

        // The first write after the restart succeeds: no dead pooled connection is handed out, nothing was restarted.
        await reader.RateAsync(movies[^1], 4f);
        await reader.FeedbackAsync(before.Items[0].Title.MovieId, FeedbackKind.Like, null);
        Assert.NotEmpty((await _cluster.Client.GetGrain<IUserTasteGrain>(7_000_000_000_999).GetRecommendationsAsync(new RecommendationQuery(5))).Items);
        await Task.WhenAll(raters.Select(r => r.AcknowledgedAfterRefusal)).WaitAsync(HangGuard);
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.All(raters, r => Assert.Empty(r.Unexpected));
        var stored = await StoredRatingsAsync();
        foreach (var rater in raters)
        {
            Assert.All(rater.Acked, ack => Assert.Equal(ack.Value, stored.GetValueOrDefault((rater.UserId, ack.Key))));
        }
    }

    private async Task<Dictionary<(long User, int Movie), float>> StoredRatingsAsync()
    {
        var stored = new Dictionary<(long, int), float>();
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_id, movie_id, rating FROM user_ratings", connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            stored[(rows.GetInt64(0), rows.GetInt32(1))] = (float)rows.GetDecimal(2);
        }

        return stored;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }

    /// <summary>Rates a new title after each answer, recording what was acknowledged and how each failure read.</summary>
    private sealed class Rater(IUserTasteGrain user, int[] movies, int lane)
    {
        private readonly TaskCompletionSource _refused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _backAfterRefusal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(int Count, TaskCompletionSource Done)> _waits = [];

        public long UserId => user.GetPrimaryKeyLong();

        public ConcurrentDictionary<int, float> Acked { get; } = new();

        public ConcurrentQueue<Exception> Unexpected { get; } = new();

        public Task Refused => _refused.Task;

        public Task AcknowledgedAfterRefusal => _backAfterRefusal.Task;

        public Task Acknowledged(int count)
        {
            lock (_waits)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waits.Add((count, done));
                Release();
                return done.Task;
            }
        }

        public async Task RunAsync(CancellationToken stop)
        {
            // Each attempt rates a title not tried before, so a failed attempt never shadows an acknowledged one.
            for (var i = lane; i < movies.Length && !stop.IsCancellationRequested; i += Raters)
            {
                var stars = 0.5f + (i % 10) * 0.5f;
                try
                {
                    await user.RateAsync(movies[i], stars);
                    Acked[movies[i]] = stars;
                    if (_refused.Task.IsCompleted)
                    {
                        _backAfterRefusal.TrySetResult();
                    }

                    lock (_waits)
                    {
                        Release();
                    }
                }
                catch (StorageUnavailableException e) when (e.Message == StorageUnavailableException.CouldNotSave)
                {
                    _refused.TrySetResult();

                    // Pacing only: the next attempt while the database is down would fail the same way.
                    await Task.Delay(20, CancellationToken.None);
                }
                catch (Exception e)
                {
                    Unexpected.Enqueue(e);
                    _refused.TrySetException(e);
                    _backAfterRefusal.TrySetException(e);
                }
            }

            _refused.TrySetException(new InvalidOperationException("The rater ran out of titles."));
            _backAfterRefusal.TrySetException(new InvalidOperationException("The rater ran out of titles."));
        }

        private void Release()
        {
            _waits.RemoveAll(w =>
            {
                if (Acked.Count < w.Count) { return false; }
                w.Done.TrySetResult();
                return true;
            });
        }
    }
}
