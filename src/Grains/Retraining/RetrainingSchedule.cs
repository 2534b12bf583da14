using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CineSync.Grains.Retraining;

/// <summary>
/// When the silo becomes active, makes sure the retraining reminder exists (in the background: a silo whose reminder
/// table cannot be reached still serves, and says so in the log).
/// </summary>
internal sealed partial class RetrainingSchedule(IGrainFactory grains, IOptions<RetrainingOptions> options, ILogger<RetrainingSchedule> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(RetrainingSchedule), ServiceLifecycleStage.Active, cancellation =>
        {
            if (options.Value.Enabled)
            {
                _ = Task.Run(EnsureAsync, CancellationToken.None);
            }

            return Task.CompletedTask;
        });
    }

    private async Task EnsureAsync()
    {
        try
        {
            await grains.GetGrain<IRetrainingGrain>(0).EnsureScheduledAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogScheduleFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the retraining reminder failed; scheduled retraining is off until a silo starts with reminders reachable")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);
}
