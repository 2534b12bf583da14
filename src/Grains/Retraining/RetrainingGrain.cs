using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CineSync.Grains.Retraining;

/// <summary>
/// Owns the retraining schedule. One activation cluster-wide (key 0) holds at most one run at a time, so however many
/// silos tick or ask, one training runs. A reminder tick starts a run and returns at once (a training takes longer than
/// a call may); <see cref="CheckNowAsync"/> waits for it.
/// </summary>
[GrainType("retraining")]
internal sealed class RetrainingGrain(RetrainingCycle cycle, RetrainingStore store, IOptions<RetrainingOptions> options, IOptions<ClusterOptions> cluster) : Grain, IRetrainingGrain, IRemindable
{
    /// <summary>The reminder's name.</summary>
    public const string ReminderName = "retrain";

    private Task<RetrainingRun>? _running;

    public async Task EnsureScheduledAsync()
    {
        // Only when missing or its period changed: registering again would move the next tick each time a silo starts.
        if (options.Value.Enabled
            && await store.ReadReminderPeriodAsync(cluster.Value.ServiceId, this.GetGrainId().ToString(), ReminderName) != options.Value.CheckPeriod)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.CheckPeriod, options.Value.CheckPeriod);
        }
    }

    public Task<RetrainingRun> CheckNowAsync() => Run();

    public Task<IReadOnlyList<RetrainingRun>> GetRecentRunsAsync() => store.RecentAsync(10);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName && options.Value.Enabled)
        {
            // Failures are recorded by the cycle itself; the tick only starts it.
            _ = Run();
        }

        return Task.CompletedTask;
    }

    private Task<RetrainingRun> Run()
    {
        if (_running is { IsCompleted: false } running)
        {
            return running;
        }

        DelayDeactivation(TimeSpan.FromHours(1));
        _running = cycle.RunAsync();
        return _running;
    }
}
