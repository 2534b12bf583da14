using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>
/// Experiments comparing the current model with a candidate model version (use key 0). The state lives in
/// PostgreSQL, so every silo assigns the same arms; at most one experiment runs at a time.
/// </summary>
[Alias("cinesync.ExperimentGrain")]
public interface IExperimentGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Starts an experiment: the current model is the control, <see cref="ExperimentRequest.CandidateVersion"/> the
    /// candidate, for a share of users chosen by a stable hash of (experiment id, user id).
    /// Throws <see cref="ExperimentException"/> when one already runs, the version does not exist or is the current one.
    /// </summary>
    [Alias("StartAsync")]
    Task<ExperimentView> StartAsync(ExperimentRequest request);

    /// <summary>The running experiment and the most recent ended ones, with each arm's figures and the verdict.</summary>
    [ReadOnly]
    [Alias("ListAsync")]
    Task<IReadOnlyList<ExperimentView>> ListAsync();

    /// <summary>Ends the running experiment <paramref name="experimentId"/> and makes its candidate the current model for everyone.</summary>
    [Alias("PromoteAsync")]
    Task<ExperimentView> PromoteAsync(int experimentId);

    /// <summary>Ends the running experiment <paramref name="experimentId"/>; everyone gets the current model again.</summary>
    [Alias("StopAsync")]
    Task<ExperimentView> StopAsync(int experimentId);
}

/// <summary>What an operator (or the retraining schedule) starts.</summary>
/// <param name="CandidateVersion">The <c>trained_models.version</c> to try.</param>
/// <param name="CandidateShare">The share of users who get it, in (0, 1).</param>
/// <param name="Name">A label for people; generated when null.</param>
/// <param name="Origin">"operator" or "canary".</param>
/// <param name="Note">Why it started.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ExperimentRequest")]
public sealed record ExperimentRequest(
    [property: Id(0)] int CandidateVersion,
    [property: Id(1)] double CandidateShare = 0.5,
    [property: Id(2)] string? Name = null,
    [property: Id(3)] string Origin = ExperimentView.OperatorOrigin,
    [property: Id(4)] string? Note = null);

/// <summary>An experiment with its arms' figures since it started and the verdict.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its label.</param>
/// <param name="Origin">"operator" or "canary".</param>
/// <param name="Status">"running", "promoted" or "stopped".</param>
/// <param name="CandidateShare">The candidate arm's share of users.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended; null while running.</param>
/// <param name="Control">The control arm (the model current when it started).</param>
/// <param name="Candidate">The candidate arm.</param>
/// <param name="Verdict">Candidate against control on like rate.</param>
/// <param name="Note">Why it started or ended.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ExperimentView")]
public sealed record ExperimentView(
    [property: Id(0)] int Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Origin,
    [property: Id(3)] string Status,
    [property: Id(4)] double CandidateShare,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] DateTimeOffset? EndedAt,
    [property: Id(7)] ExperimentArmView Control,
    [property: Id(8)] ExperimentArmView Candidate,
    [property: Id(9)] ExperimentVerdict Verdict,
    [property: Id(10)] string? Note)
{
    /// <summary>Started by an operator.</summary>
    public const string OperatorOrigin = "operator";

    /// <summary>Started by the retraining schedule.</summary>
    public const string CanaryOrigin = "canary";

    /// <summary>Running.</summary>
    public const string Running = "running";
}

/// <summary>One arm of an experiment.</summary>
/// <param name="Arm">"control" or "candidate".</param>
/// <param name="ModelVersion">The <c>trained_models.version</c> it ranks with.</param>
/// <param name="Figures">Its lists' figures since the experiment started.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ExperimentArmView")]
public sealed record ExperimentArmView([property: Id(0)] string Arm, [property: Id(1)] int ModelVersion, [property: Id(2)] OnlineFigures Figures)
{
    /// <summary>The arm with the model current at the start.</summary>
    public const string ControlArm = "control";

    /// <summary>The arm with the candidate model.</summary>
    public const string CandidateArm = "candidate";
}

/// <summary>
/// The candidate's like rate (👍 per title shown) against the control's: the difference with a 95% confidence
/// interval, and the probability that the candidate's rate is higher (Beta(1, 1) priors).
/// </summary>
/// <param name="Decision">"collecting" (too few titles shown), "candidate better", "control better" or "no clear difference".</param>
/// <param name="Difference">Candidate − control like rate; null until both arms showed titles.</param>
/// <param name="Low">Lower end of the 95% interval.</param>
/// <param name="High">Upper end.</param>
/// <param name="ProbabilityCandidateBetter">P(candidate rate &gt; control rate).</param>
/// <param name="Summary">One sentence for people.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ExperimentVerdict")]
public sealed record ExperimentVerdict(
    [property: Id(0)] string Decision,
    [property: Id(1)] double? Difference,
    [property: Id(2)] double? Low,
    [property: Id(3)] double? High,
    [property: Id(4)] double? ProbabilityCandidateBetter,
    [property: Id(5)] string Summary);

/// <summary>An experiment cannot start, be promoted or be stopped as asked; nothing changed.</summary>
[GenerateSerializer, Alias("cinesync.ExperimentException")]
public sealed class ExperimentException : RefusalException
{
    /// <summary>Creates the exception.</summary>
    public ExperimentException() : base("That experiment request is not valid.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public ExperimentException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ExperimentException(string message, Exception innerException) : base(message, innerException) { }
}
