using CineSync.Grains.Experiments;
using CineSync.Grains.Interfaces;
using CineSync.Grains.OnlineMetrics;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Grains.Tests.Experiments;

/// <summary>
/// Experiments through the grains: arms by hash, the arm's model ranking each user's lists (and a watch party's, by its
/// creator's arm), per-arm figures from what users did, promotion and stopping. The candidate is a copy of the current
/// bundle stored as a new version, so the rest of the suite sees the same recommendations whatever is promoted.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class ExperimentTests(GrainsFixture fixture)
{
    private IExperimentGrain Experiments => fixture.Silo.Client.GetGrain<IExperimentGrain>(0);

    [Fact]
    public async Task Each_user_is_ranked_by_the_model_of_their_arm_and_the_arms_figures_count_their_own_lists()
    {
        var control = (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync()).Version;
        var candidate = await StoreCandidateAsync();
        var started = await Experiments.StartAsync(new ExperimentRequest(candidate, 0.5, "arms test"));
        try
        {
            Assert.Equal((ExperimentView.Running, control, candidate), (started.Status, started.Control.ModelVersion, started.Candidate.ModelVersion));
            var inCandidate = UsersIn(started.Id, ExperimentArmView.CandidateArm, 2);
            var inControl = UsersIn(started.Id, ExperimentArmView.ControlArm, 1);
            var shown = new Dictionary<long, int[]>();
            foreach (var id in inCandidate.Concat(inControl))
            {
                var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(id);
                await Users.RateSixDramasAsync(user, fixture.Catalogue);
                shown[id] = [.. (await user.GetRecommendationsAsync(new RecommendationQuery(5))).Items.Select(i => i.Title.MovieId)];
            }

            // Both candidates like two of their titles; the control user dislikes one.
            foreach (var id in inCandidate)
            {
                await fixture.Silo.Client.GetGrain<IUserTasteGrain>(id).FeedbackAsync(shown[id][0], FeedbackKind.Like, null);
                await fixture.Silo.Client.GetGrain<IUserTasteGrain>(id).FeedbackAsync(shown[id][1], FeedbackKind.Like, null);
            }

            await fixture.Silo.Client.GetGrain<IUserTasteGrain>(inControl[0]).FeedbackAsync(shown[inControl[0]][0], FeedbackKind.Dislike, null);
            await FlushAsync();

            foreach (var id in inCandidate)
            {
                Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM shown_lists WHERE user_id = @u AND experiment_id = @e AND arm = 'candidate' AND model_version = @v", ("u", id), ("e", started.Id), ("v", candidate)));
            }

            Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM shown_lists WHERE user_id = @u AND experiment_id = @e AND arm = 'control' AND model_version = @v", ("u", inControl[0]), ("e", started.Id), ("v", control)));

            var running = Assert.Single(await Experiments.ListAsync(), e => e.Id == started.Id);
            Assert.Equal((2, 10, 4), (running.Candidate.Figures.Lists, running.Candidate.Figures.TitlesShown, running.Candidate.Figures.Likes));
            Assert.Equal((1, 5, 0, 1), (running.Control.Figures.Lists, running.Control.Figures.TitlesShown, running.Control.Figures.Likes, running.Control.Figures.Dislikes));
            Assert.Equal(ExperimentStatistics.Collecting, running.Verdict.Decision);
            Assert.Equal(0.4, running.Verdict.Difference!.Value, precision: 9);
            Assert.True(running.Verdict.ProbabilityCandidateBetter > 0.5);

            // A watch party ranks with its creator's arm and counts as a list shown to each member under it.
            var party = fixture.Silo.Client.GetGrain<IWatchPartyGrain>($"exp-party-{Guid.NewGuid():N}");
            await party.StartAsync(new PartySetup(inCandidate[0], [inControl[0]], PartyStrategy.LeastMisery, 3, null));
            await FlushAsync();
            Assert.Equal(2, await fixture.ScalarAsync("SELECT count(*) FROM shown_lists WHERE surface = 'watch_party' AND user_id = ANY(@u) AND arm = 'candidate' AND model_version = @v", ("u", new[] { inCandidate[0], inControl[0] }), ("v", candidate)));
        }
        finally
        {
            await Experiments.StopAsync(started.Id);
        }

        var stopped = Assert.Single(await Experiments.ListAsync(), e => e.Id == started.Id);
        Assert.Equal("stopped", stopped.Status);
        Assert.NotNull(stopped.EndedAt);

        // Once stopped, lists carry no arm and the current model ranks them.
        var after = fixture.Silo.Client.GetGrain<IUserTasteGrain>(UsersIn(started.Id, ExperimentArmView.CandidateArm, 1)[0]);
        await Users.RateSixDramasAsync(after, fixture.Catalogue);
        await after.GetRecommendationsAsync(new RecommendationQuery(3));
        await FlushAsync();
        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM shown_lists WHERE user_id = @u AND arm IS NULL AND model_version = @v", ("u", after.GetPrimaryKeyLong()), ("v", control)));
    }

    [Fact]
    public async Task Promoting_makes_the_candidate_the_current_model_for_everyone_and_ends_the_experiment()
    {
        var candidate = await StoreCandidateAsync();
        var started = await Experiments.StartAsync(new ExperimentRequest(candidate, 0.1));

        var promoted = await Experiments.PromoteAsync(started.Id);

        Assert.Equal("promoted", promoted.Status);
        Assert.Equal(candidate, (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync()).Version);
        var refused = await Assert.ThrowsAsync<ExperimentException>(() => Experiments.StopAsync(started.Id));
        Assert.Contains("already ended", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_experiment_is_refused_while_another_runs_or_when_the_candidate_is_the_current_model_or_unknown()
    {
        var current = (await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync()).Version;
        var itself = await Assert.ThrowsAsync<ExperimentException>(() => Experiments.StartAsync(new ExperimentRequest(current)));
        Assert.Contains("already the current model", itself.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<ExperimentException>(() => Experiments.StartAsync(new ExperimentRequest(99_999)));
        Assert.Contains("no trained model version 99999", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ExperimentException>(() => Experiments.StartAsync(new ExperimentRequest(current, 1.5)));

        var started = await Experiments.StartAsync(new ExperimentRequest(await StoreCandidateAsync(), 0.5));
        try
        {
            var second = await Assert.ThrowsAsync<ExperimentException>(() => Experiments.StartAsync(new ExperimentRequest(started.Candidate.ModelVersion, 0.5)));
            Assert.Contains($"#{started.Id} is already running", second.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Experiments.StopAsync(started.Id);
        }
    }

    /// <summary>Stores the current bundle again as a new version (not current) and returns that version.</summary>
    private Task<long> StoreCandidateRowAsync() => fixture.ScalarAsync("""
        INSERT INTO trained_models (version, created_at, metrics, checksum, artifact, is_current)
        SELECT (SELECT max(version) + 1 FROM trained_models), now(), metrics, checksum, artifact, false FROM trained_models WHERE is_current
        RETURNING version
        """);

    private async Task<int> StoreCandidateAsync() => (int)await StoreCandidateRowAsync();

    /// <summary>Fresh user ids that the hash puts in <paramref name="arm"/> of experiment <paramref name="experimentId"/>.</summary>
    private long[] UsersIn(int experimentId, string arm, int count)
    {
        var users = new List<long>();
        while (users.Count < count)
        {
            var id = fixture.NewUserId();
            if (ArmAssignment.Arm(experimentId, id, 0.5) == arm)
            {
                users.Add(id);
            }
        }

        return [.. users];
    }

    private Task FlushAsync() => fixture.Silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<OnlineMetricsWriter>().FlushAsync();
}
