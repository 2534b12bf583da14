using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Experiments;

/// <summary>
/// The silo's view of the running experiment, re-read from PostgreSQL at most every
/// <see cref="ExperimentOptions.RefreshPeriod"/>: asking for a user's arm costs a hash, and once per period one query
/// that every caller in that moment shares. When the database cannot be read the last answer stays for another period.
/// </summary>
internal sealed partial class RunningExperiments(ExperimentStore store, TimeProvider time, IOptions<ExperimentOptions> options, ILogger<RunningExperiments> logger)
{
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task<RunningExperiment?>? _refresh;

    /// <summary>The arm <paramref name="userId"/> is in, or null when no experiment runs.</summary>
    public async ValueTask<UserArm?> ArmOfAsync(long userId) => (await GetAsync().ConfigureAwait(false))?.ArmOf(userId);

    /// <summary>The running experiment, or null.</summary>
    public ValueTask<RunningExperiment?> GetAsync()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && time.GetElapsedTime(snapshot.ReadAt) < options.Value.RefreshPeriod)
        {
            return ValueTask.FromResult(snapshot.Experiment);
        }

        lock (_gate)
        {
            // One query for everyone asking while it runs; a stale answer is never served, so an arm is at most one period old.
            if (_refresh is null || _refresh.IsCompleted)
            {
                _refresh = RefreshNowAsync();
            }

            return new ValueTask<RunningExperiment?>(_refresh);
        }
    }

    /// <summary>Reads the running experiment now (after this silo started or ended one).</summary>
    public async Task<RunningExperiment?> RefreshNowAsync()
    {
        var readAt = time.GetTimestamp();
        try
        {
            var experiment = await store.GetRunningAsync().ConfigureAwait(false);
            Volatile.Write(ref _snapshot, new Snapshot(experiment, readAt));
            return experiment;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReadFailed(logger, ex);
            var last = Volatile.Read(ref _snapshot)?.Experiment;
            Volatile.Write(ref _snapshot, new Snapshot(last, readAt));
            return last;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the running experiment failed; users keep their last known arms")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    private sealed record Snapshot(RunningExperiment? Experiment, long ReadAt);
}
