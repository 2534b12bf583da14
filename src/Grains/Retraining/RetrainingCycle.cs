using System.Globalization;
using CineSync.Grains.Experiments;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using CineSync.Grains.Training;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Retraining;

/// <summary>
/// One check of the retraining schedule: when enough users' ratings arrived since the current model was trained (or it
/// is old and any did), hold out the newest of them, train a candidate on everything else, compare candidate and
/// current on the held-out ratings (Recall@10, NDCG@10, coverage), and start a candidate that is not worse as a canary
/// experiment arm for <see cref="RetrainingOptions.CanaryShare"/> of users; the current model keeps serving everyone else.
/// </summary>
internal sealed partial class RetrainingCycle(
    ModelStore models,
    ModelTrainer trainer,
    RetrainingStore store,
    ExperimentStore experimentStore,
    ExperimentService experiments,
    TimeProvider time,
    IOptions<RetrainingOptions> options,
    IOptions<CineSyncGrainsOptions> grainsOptions,
    ILogger<RetrainingCycle> logger)
{
    public async Task<RetrainingRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var started = time.GetUtcNow();
        var current = await models.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (current.Version == 0)
        {
            return Waiting(started, current, 0, "No model is trained yet; the first one trains when a silo starts.");
        }

        if (await experimentStore.GetRunningAsync(cancellationToken).ConfigureAwait(false) is { } running)
        {
            return Waiting(started, current, 0, $"Experiment #{running.Id} is running; a new candidate waits until it ends.");
        }

        var fresh = await store.CountRatingsSinceAsync(current.CreatedAt, cancellationToken).ConfigureAwait(false);
        var age = started - current.CreatedAt;
        if (fresh == 0 || (fresh < settings.MinNewRatings && age < settings.MaxModelAge))
        {
            return Waiting(started, current, fresh, string.Create(CultureInfo.InvariantCulture, $"{fresh} new ratings since model version {current.Version} was trained; retraining at {settings.MinNewRatings}, or once it is {settings.MaxModelAge} old."));
        }

        var (heldOut, users) = await HoldOutAsync(current.CreatedAt, settings.HoldOutShare, cancellationToken).ConfigureAwait(false);
        try
        {
            LogTraining(logger, fresh, current.Version, heldOut.Count);
            var candidate = await trainer.TrainCandidateAsync(grainsOptions.Value.Training, heldOut, cancellationToken).ConfigureAwait(false);
            var baseline = new RecommenderEngine(await models.LoadAsync(current.Version, cancellationToken).ConfigureAwait(false));
            var challenger = new RecommenderEngine(await models.LoadAsync(candidate.Version, cancellationToken).ConfigureAwait(false));
            var (currentRecall, currentNdcg, currentCoverage) = await Task.Run(() => OfflineComparison.Evaluate(baseline, users), cancellationToken).ConfigureAwait(false);
            var (candidateRecall, candidateNdcg, candidateCoverage) = await Task.Run(() => OfflineComparison.Evaluate(challenger, users), cancellationToken).ConfigureAwait(false);
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["current recall@10"] = currentRecall,
                ["current ndcg@10"] = currentNdcg,
                ["current coverage@10"] = currentCoverage,
                ["candidate recall@10"] = candidateRecall,
                ["candidate ndcg@10"] = candidateNdcg,
                ["candidate coverage@10"] = candidateCoverage,
                ["held-out users"] = users.Count,
            };
            await store.AddModelMetricsAsync(candidate.Version, Quality(candidateRecall, candidateNdcg, candidateCoverage, users.Count), cancellationToken).ConfigureAwait(false);
            await store.AddModelMetricsAsync(current.Version, Quality(currentRecall, currentNdcg, currentCoverage, users.Count), cancellationToken).ConfigureAwait(false);

            var comparison = string.Create(CultureInfo.InvariantCulture, $"NDCG@10 on {heldOut.Count} held-out recent ratings of {users.Count} users: candidate v{candidate.Version} {candidateNdcg:0.0000}, current v{current.Version} {currentNdcg:0.0000}");
            RetrainingRun run;
            if (candidateNdcg >= currentNdcg - settings.MaxNdcgDrop)
            {
                var experiment = await experiments.StartAsync(
                    new ExperimentRequest(candidate.Version, settings.CanaryShare, $"canary v{candidate.Version} vs v{current.Version}", ExperimentView.CanaryOrigin, comparison),
                    cancellationToken).ConfigureAwait(false);
                run = new RetrainingRun(started, RetrainingRun.Canary, current.Version, candidate.Version, fresh, heldOut.Count, experiment.Id, metrics, $"{comparison}: not worse, so it runs as canary experiment #{experiment.Id} for {settings.CanaryShare:P0} of users.");
                LogCanary(logger, candidate.Version, experiment.Id, settings.CanaryShare, candidateNdcg, currentNdcg);
            }
            else
            {
                run = new RetrainingRun(started, RetrainingRun.Rejected, current.Version, candidate.Version, fresh, heldOut.Count, null, metrics, $"{comparison}: worse, so the current model stays.");
                LogRejected(logger, candidate.Version, candidateNdcg, currentNdcg);
            }

            await store.RecordAsync(run, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            var failed = new RetrainingRun(started, RetrainingRun.Failed, current.Version, null, fresh, heldOut.Count, null, new Dictionary<string, double>(), $"Retraining failed: {ex.Message}");
            try
            {
                await store.RecordAsync(failed, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception recordFailure) when (recordFailure is not OperationCanceledException)
            {
                LogFailed(logger, recordFailure);
            }

            return failed;
        }
    }

    /// <summary>The newest <paramref name="share"/> of the ratings since <paramref name="since"/>, and every user who has some, split.</summary>
    private async Task<(HashSet<(long User, int Movie)> HeldOut, List<HeldOutUser> Users)> HoldOutAsync(DateTimeOffset since, double share, CancellationToken cancellationToken)
    {
        var users = await store.LoadActiveUsersAsync(since, cancellationToken).ConfigureAwait(false);
        var sinceUnix = since.ToUnixTimeSeconds();
        var fresh = users.Values.SelectMany(r => r).Where(r => r.Timestamp >= sinceUnix)
            .OrderByDescending(r => r.Timestamp).ThenBy(r => r.UserId).ThenBy(r => r.ItemId)
            .ToList();
        var count = Math.Max(1, (int)Math.Round(fresh.Count * share));
        var heldOut = fresh.Take(count).Select(r => (r.UserId, r.ItemId)).ToHashSet();
        var split = users
            .Select(u => new HeldOutUser(
                [.. u.Value.Where(r => !heldOut.Contains((u.Key, r.ItemId))).Select(r => new UserRating(r.ItemId, r.Value, r.Timestamp))],
                u.Value.Where(r => heldOut.Contains((u.Key, r.ItemId)) && r.Value >= OfflineComparison.LikedAtOrAbove).Select(r => r.ItemId).ToHashSet()))
            .Where(u => u.Relevant.Count > 0)
            .ToList();
        return (heldOut, split);
    }

    private static Dictionary<string, double> Quality(double recall, double ndcg, double coverage, int users) => new(StringComparer.Ordinal)
    {
        ["recall@10"] = recall,
        ["ndcg@10"] = ndcg,
        ["coverage@10"] = coverage,
        ["evaluated_users"] = users,
    };

    private RetrainingRun Waiting(DateTimeOffset started, ModelVersionStamp current, int fresh, string note)
    {
        LogWaiting(logger, note);
        return new RetrainingRun(started, RetrainingRun.Waiting, current.Version, null, fresh, 0, null, new Dictionary<string, double>(), note);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retraining: {Note}")]
    private static partial void LogWaiting(ILogger logger, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retraining: {Fresh} new ratings since model version {Version}; training a candidate with the newest {HeldOut} held out")]
    private static partial void LogTraining(ILogger logger, int fresh, int version, int heldOut);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retraining: candidate version {Candidate} is not worse offline (NDCG@10 {CandidateNdcg:0.0000} vs {CurrentNdcg:0.0000}); canary experiment #{Experiment} for {Share:P0} of users")]
    private static partial void LogCanary(ILogger logger, int candidate, int experiment, double share, double candidateNdcg, double currentNdcg);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retraining: candidate version {Candidate} is worse offline (NDCG@10 {CandidateNdcg:0.0000} vs {CurrentNdcg:0.0000}); the current model stays")]
    private static partial void LogRejected(ILogger logger, int candidate, double candidateNdcg, double currentNdcg);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retraining failed; the current model stays")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
