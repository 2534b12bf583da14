using System.Globalization;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using CineSync.Grains.OnlineMetrics;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Experiments;

/// <summary>Starts, lists, promotes and stops experiments, with each arm's online figures and the verdict.</summary>
internal sealed class ExperimentService(ExperimentStore store, ModelStore models, OnlineMetricsStore metrics, IOptions<ExperimentOptions> options, TimeProvider time)
{
    /// <summary>How many experiments a listing shows (the running one and the latest ended).</summary>
    public const int ListLimit = 10;

    public async Task<ExperimentView> StartAsync(ExperimentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(request.CandidateShare > 0 && request.CandidateShare < 1))
        {
            throw new ExperimentException("The candidate's share of users must be between 0 and 1, e.g. 0.5 for half of them.");
        }

        if (request.Origin is not (ExperimentView.OperatorOrigin or ExperimentView.CanaryOrigin))
        {
            throw new ExperimentException($"An experiment's origin is \"{ExperimentView.OperatorOrigin}\" or \"{ExperimentView.CanaryOrigin}\".");
        }

        var current = await models.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (current.Version == 0)
        {
            throw new ExperimentException("No model is trained yet: there is nothing to compare a candidate with.");
        }

        if (request.CandidateVersion == current.Version)
        {
            throw new ExperimentException($"Model version {current.Version} is already the current model; pick another version as the candidate.");
        }

        var name = request.Name is { Length: > 0 } given
            ? given
            : string.Create(CultureInfo.InvariantCulture, $"v{request.CandidateVersion} vs v{current.Version}");
        var row = await store.StartAsync(name, request.Origin, current.Version, request.CandidateVersion, request.CandidateShare, time.GetUtcNow(), request.Note, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ExperimentView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var views = new List<ExperimentView>();
        foreach (var row in await store.ListAsync(ListLimit, cancellationToken).ConfigureAwait(false))
        {
            views.Add(await ViewAsync(row, cancellationToken).ConfigureAwait(false));
        }

        return views;
    }

    /// <summary>Publishes the candidate as the current model, then ends the experiment as promoted.</summary>
    public async Task<ExperimentView> PromoteAsync(int experimentId, CancellationToken cancellationToken = default)
    {
        var row = await RunningAsync(experimentId, cancellationToken).ConfigureAwait(false);
        var verdict = (await ViewAsync(row, cancellationToken).ConfigureAwait(false)).Verdict;

        // Publish first: should ending fail, the candidate serves everyone and ending again is harmless.
        await models.PublishAsync(row.CandidateVersion, cancellationToken).ConfigureAwait(false);
        var ended = await store.EndAsync(experimentId, "promoted", time.GetUtcNow(), $"promoted at: {verdict.Summary}", cancellationToken).ConfigureAwait(false) ?? row;
        return await ViewAsync(ended, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExperimentView> StopAsync(int experimentId, CancellationToken cancellationToken = default)
    {
        var row = await RunningAsync(experimentId, cancellationToken).ConfigureAwait(false);
        var verdict = (await ViewAsync(row, cancellationToken).ConfigureAwait(false)).Verdict;
        var ended = await store.EndAsync(experimentId, "stopped", time.GetUtcNow(), $"stopped at: {verdict.Summary}", cancellationToken).ConfigureAwait(false)
            ?? throw new ExperimentException($"Experiment #{experimentId} has already ended.");
        return await ViewAsync(ended, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExperimentRow> RunningAsync(int experimentId, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(experimentId, cancellationToken).ConfigureAwait(false)
            ?? throw new ExperimentException($"There is no experiment #{experimentId}.");
        return row.Status == ExperimentView.Running
            ? row
            : throw new ExperimentException($"Experiment #{experimentId} has already ended ({row.Status}).");
    }

    private async Task<ExperimentView> ViewAsync(ExperimentRow row, CancellationToken cancellationToken)
    {
        // Lists are stamped with the experiment's id, so its figures are those lists' whenever they were shown.
        var figures = await metrics.ReadAsync(row.StartedAt.AddSeconds(-1), row.EndedAt ?? time.GetUtcNow(), row.Id, cancellationToken).ConfigureAwait(false);
        var control = Arm(figures, ExperimentArmView.ControlArm, row.ControlVersion);
        var candidate = Arm(figures, ExperimentArmView.CandidateArm, row.CandidateVersion);
        return new ExperimentView(
            row.Id,
            row.Name,
            row.Origin,
            row.Status,
            row.CandidateShare,
            row.StartedAt,
            row.EndedAt,
            control,
            candidate,
            ExperimentStatistics.Verdict(control.Figures, candidate.Figures, options.Value),
            row.Note);
    }

    private static ExperimentArmView Arm(FiguresBySegment figures, string arm, int version) =>
        new(arm, version, figures.Segments.FirstOrDefault(s => s.Key.Arm == arm && s.Key.ModelVersion == version).Value ?? OnlineFigures.None);
}
