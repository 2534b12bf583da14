using CineSync.Grains.Interfaces;

namespace CineSync.Dashboard.Api;

/// <summary>
/// The body of <c>GET /dashboard/api/quality</c>: whether recommendations work for real users. Each part is null when
/// it could not be read in time, with the reason in <see cref="Errors"/>.
/// </summary>
/// <param name="SampledAt">When the page's silo gathered it.</param>
/// <param name="Model">The current model's stored offline quality.</param>
/// <param name="Online">Online metrics over the last hour, day and week, and the hourly trend.</param>
/// <param name="Experiments">The running experiment and the latest ended ones.</param>
/// <param name="Drift">This silo's latest drift report.</param>
/// <param name="Retraining">The schedule's latest runs.</param>
/// <param name="ActionsEnabled">Whether promote and stop are offered: only with <c>Dashboard:AccessToken</c> set.</param>
/// <param name="Errors">What could not be read, by part.</param>
internal sealed record QualityView(
    DateTimeOffset SampledAt,
    ModelQuality? Model,
    OnlineMetricsReport? Online,
    IReadOnlyList<ExperimentView>? Experiments,
    DriftReport? Drift,
    IReadOnlyList<RetrainingRun>? Retraining,
    bool ActionsEnabled,
    IReadOnlyDictionary<string, string> Errors);

/// <summary>The answer to a promote or stop: the experiment afterwards, or why nothing changed.</summary>
/// <param name="Experiment">The experiment after the action.</param>
/// <param name="Error">Why it was refused.</param>
internal sealed record ExperimentActionResult(ExperimentView? Experiment, string? Error);
