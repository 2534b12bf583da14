using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>
/// The retraining schedule (use key 0; one activation cluster-wide, so one training at a time). A reminder stored in
/// PostgreSQL ticks it; when enough users' ratings arrived since the current model was trained it trains a candidate,
/// compares both offline on the newest ratings held out, and starts a not-worse candidate as a canary experiment arm.
/// </summary>
[Alias("cinesync.RetrainingGrain")]
public interface IRetrainingGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the schedule's reminder unless it exists with the configured period (every silo calls this at start).</summary>
    [Alias("EnsureScheduledAsync")]
    Task EnsureScheduledAsync();

    /// <summary>Runs a check now (an operator's, or a test's), waiting for a training already running instead of starting another.</summary>
    [Alias("CheckNowAsync")]
    Task<RetrainingRun> CheckNowAsync();

    /// <summary>The latest runs that trained a candidate or tried to, newest first.</summary>
    [ReadOnly]
    [Alias("GetRecentRunsAsync")]
    Task<IReadOnlyList<RetrainingRun>> GetRecentRunsAsync();
}

/// <summary>One check of the schedule.</summary>
/// <param name="StartedAt">When it started.</param>
/// <param name="Decision">"waiting" (not enough new ratings, or an experiment runs), "canary", "rejected" or "failed".</param>
/// <param name="CurrentVersion">The model current at the start.</param>
/// <param name="CandidateVersion">The candidate trained, if any.</param>
/// <param name="NewRatings">Users' ratings since the current model was trained.</param>
/// <param name="HeldOut">Of them, held out for the offline comparison.</param>
/// <param name="ExperimentId">The canary experiment started, if any.</param>
/// <param name="Metrics">Offline metrics on the held-out ratings ("current recall@10", "candidate ndcg@10", …).</param>
/// <param name="Note">What happened, for people.</param>
[GenerateSerializer, Immutable, Alias("cinesync.RetrainingRun")]
public sealed record RetrainingRun(
    [property: Id(0)] DateTimeOffset StartedAt,
    [property: Id(1)] string Decision,
    [property: Id(2)] int CurrentVersion,
    [property: Id(3)] int? CandidateVersion,
    [property: Id(4)] int NewRatings,
    [property: Id(5)] int HeldOut,
    [property: Id(6)] int? ExperimentId,
    [property: Id(7)] IReadOnlyDictionary<string, double> Metrics,
    [property: Id(8)] string Note)
{
    /// <summary>Nothing to do yet.</summary>
    public const string Waiting = "waiting";

    /// <summary>The candidate runs as a canary arm.</summary>
    public const string Canary = "canary";

    /// <summary>The candidate did worse offline; nothing changed.</summary>
    public const string Rejected = "rejected";

    /// <summary>Training or evaluating failed.</summary>
    public const string Failed = "failed";
}
