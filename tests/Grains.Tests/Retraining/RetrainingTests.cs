using CineSync.Grains.Experiments;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using CineSync.Grains.Retraining;
using CineSync.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Tests.Retraining;

/// <summary>
/// The retraining schedule on the shared database: its reminder in PostgreSQL, and checks run with chosen thresholds
/// (the silo's own schedule, with its defaults, never trains during the suite).
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class RetrainingTests(GrainsFixture fixture)
{
    private IServiceProvider Services => fixture.Silo.Cluster.Silos[0].ServiceProvider;

    [Fact]
    public async Task The_schedule_is_one_reminder_stored_in_postgresql_and_silos_starting_again_do_not_move_it()
    {
        const string sql = "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE 'retraining/%' AND reminder_name = 'retrain'";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await fixture.ScalarAsync(sql) == 0)
        {
            // Registered in the background once the silo is active.
            await Task.Delay(100, timeout.Token);
        }

        // Every upsert bumps the row's version: asking again with the same period must not register it again.
        const string version = "SELECT version FROM orleans_reminders WHERE grain_id = 'retraining/0' AND reminder_name = 'retrain'";
        var registered = await fixture.ScalarAsync(version);
        await fixture.Silo.Client.GetGrain<IRetrainingGrain>(0).EnsureScheduledAsync();

        Assert.Equal(1, await fixture.ScalarAsync(sql));
        Assert.Equal(registered, await fixture.ScalarAsync(version));
        Assert.Equal((long)TimeSpan.FromHours(1).TotalMilliseconds, await fixture.ScalarAsync("SELECT period FROM orleans_reminders WHERE grain_id LIKE 'retraining/%'"));
    }

    [Fact]
    public async Task Enough_new_ratings_train_a_candidate_compared_offline_on_held_out_ratings_that_starts_as_a_canary_arm()
    {
        await RateAsync(users: 30);
        var current = (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync()).Version;

        var run = await Cycle(new RetrainingOptions { MinNewRatings = 100, MaxNdcgDrop = 1, CanaryShare = 0.2 }).RunAsync();

        try
        {
            Assert.Equal(RetrainingRun.Canary, run.Decision);
            Assert.Equal(current, run.CurrentVersion);
            Assert.True(run.NewRatings >= 180);
            Assert.Equal((int)Math.Round(run.NewRatings * 0.2), run.HeldOut);
            Assert.True(run.Metrics["held-out users"] > 0);
            Assert.All(["current", "candidate"], who => Assert.InRange(run.Metrics[$"{who} ndcg@10"], 0, 1));

            // The candidate is stored but not current: only the canary's share of users gets it.
            var candidate = run.CandidateVersion!.Value;
            Assert.Equal(0, await fixture.ScalarAsync("SELECT count(*) FROM trained_models WHERE version = @v AND is_current", ("v", candidate)));
            Assert.Equal(current, (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).RefreshAsync()).Version);
            var canary = Assert.Single(await fixture.Silo.Client.GetGrain<IExperimentGrain>(0).ListAsync(), e => e.Status == ExperimentView.Running);
            Assert.Equal((run.ExperimentId, ExperimentView.CanaryOrigin, 0.2, current, candidate), (canary.Id, canary.Origin, canary.CandidateShare, canary.Control.ModelVersion, canary.Candidate.ModelVersion));
            Assert.Contains("NDCG@10", canary.Note, StringComparison.Ordinal);

            // Its offline quality is stored with it for the dashboard, and the run is on record.
            Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM trained_models WHERE version = @v AND metrics ? 'recall@10' AND metrics ? 'ndcg@10' AND metrics ? 'coverage@10'", ("v", candidate)));
            var recorded = (await fixture.Silo.Client.GetGrain<IRetrainingGrain>(0).GetRecentRunsAsync())[0];
            Assert.Equal((RetrainingRun.Canary, candidate, run.ExperimentId), (recorded.Decision, recorded.CandidateVersion, recorded.ExperimentId));

            // While the canary runs, the schedule trains nothing more.
            var next = await Cycle(new RetrainingOptions { MinNewRatings = 1, MaxNdcgDrop = 1 }).RunAsync();
            Assert.Equal(RetrainingRun.Waiting, next.Decision);
            Assert.Contains($"#{run.ExperimentId} is running", next.Note, StringComparison.Ordinal);
        }
        finally
        {
            if (run.ExperimentId is { } experiment)
            {
                await fixture.Silo.Client.GetGrain<IExperimentGrain>(0).StopAsync(experiment);
            }
        }
    }

    [Fact]
    public async Task A_candidate_worse_offline_starts_no_experiment_and_the_current_model_stays()
    {
        await RateAsync(users: 20);
        var current = (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync()).Version;

        // A drop of −1.5 asks the candidate to beat the current model by more than NDCG can: it is always worse.
        var run = await Cycle(new RetrainingOptions { MinNewRatings = 100, MaxNdcgDrop = -1.5 }).RunAsync();

        Assert.Equal(RetrainingRun.Rejected, run.Decision);
        Assert.Null(run.ExperimentId);
        Assert.NotNull(run.CandidateVersion);
        Assert.DoesNotContain(await fixture.Silo.Client.GetGrain<IExperimentGrain>(0).ListAsync(), e => e.Status == ExperimentView.Running);
        Assert.Equal(current, (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).RefreshAsync()).Version);
    }

    [Fact]
    public async Task Too_few_new_ratings_for_a_young_model_train_nothing()
    {
        var models = await fixture.ScalarAsync("SELECT count(*) FROM trained_models");

        var run = await Cycle(new RetrainingOptions { MinNewRatings = 1_000_000, MaxModelAge = TimeSpan.FromDays(3650) }).RunAsync();

        Assert.Equal(RetrainingRun.Waiting, run.Decision);
        Assert.Contains("retraining at 1000000", run.Note, StringComparison.Ordinal);
        Assert.Equal(models, await fixture.ScalarAsync("SELECT count(*) FROM trained_models"));
    }

    private RetrainingCycle Cycle(RetrainingOptions options) => new(
        Services.GetRequiredService<ModelStore>(),
        Services.GetRequiredService<ModelTrainer>(),
        Services.GetRequiredService<RetrainingStore>(),
        Services.GetRequiredService<ExperimentStore>(),
        Services.GetRequiredService<ExperimentService>(),
        TimeProvider.System,
        Options.Create(options),
        Options.Create(new CineSyncGrainsOptions { Training = GrainsFixture.Training }),
        Services.GetRequiredService<ILogger<RetrainingCycle>>());

    /// <summary>Users who each rate six dramas (different ones per user), so the current model has new ratings to learn.</summary>
    private async Task RateAsync(int users)
    {
        for (var i = 0; i < users; i++)
        {
            await Users.RateSixDramasAsync(fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId()), fixture.Catalogue);
        }
    }
}
