using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Experiments;

/// <summary>
/// The silo's view of the running experiment, re-read from PostgreSQL in the background at most every
/// <see cref="ExperimentOptions.RefreshPeriod"/>: asking for a user's arm costs a hash, never a query on the way to a
/// recommendation (only the silo's first ask waits for one). When the database cannot be read the last answer stays.
/// </summary>
internal sealed partial class RunningExperiments(ExperimentStore store, TimeProvider time, IOptions<ExperimentOptions> options, ILogger<RunningExperiments> logger)
{
    private Snapshot? _snapshot;
    private int _refreshing;

    /// <summary>The arm <paramref name="userId"/> is in, or null when no experiment runs.</summary>
    public async ValueTask<UserArm?> ArmOfAsync(long userId) => (await GetAsync().ConfigureAwait(false))?.ArmOf(userId);

    /// <summary>The running experiment, or null.</summary>
    public ValueTask<RunningExperiment?> GetAsync()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null)
        {
            return new ValueTask<RunningExperiment?>(RefreshNowAsync());
        }

        if (time.GetElapsedTime(snapshot.ReadAt) >= options.Value.RefreshPeriod && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RefreshNowAsync().ConfigureAwait(false);
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            });
        }

        return ValueTask.FromResult(snapshot.Experiment);
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
