using CineSync.Dashboard.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Dashboard.Hosting;

/// <summary>Ticks the collector once a second and asks the model source what it serves.</summary>
internal sealed partial class DashboardSampler(
    SiloStatsCollector collector,
    TimeProvider time,
    ILogger<DashboardSampler> logger,
    IModelInfoSource? modelSource = null) : BackgroundService
{
    private ModelInfo? _model;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RefreshModelAsync(stoppingToken).ConfigureAwait(false);
            collector.Sample(_model);
            await Task.Delay(DelayToNextHalfSecond(time.GetUtcNow()), time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Samples land in the middle of each wall-clock second, re-aligned every tick: chart points are keyed
    /// by second, and a timer drifting across a second boundary would otherwise leave gaps and doubles.
    /// </summary>
    internal static TimeSpan DelayToNextHalfSecond(DateTimeOffset now)
    {
        var intoSecond = TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerSecond);
        var delay = TimeSpan.FromMilliseconds(500) - intoSecond;
        return delay < TimeSpan.FromMilliseconds(200) ? delay + TimeSpan.FromSeconds(1) : delay;
    }

    private async Task RefreshModelAsync(CancellationToken cancellationToken)
    {
        if (modelSource is null)
        {
            return;
        }

        try
        {
            _model = await modelSource.GetCurrentModelAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogModelSourceFailed(logger, ex); // keep the last known model; the figures must keep flowing
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard's model info source failed; showing the last known model")]
    private static partial void LogModelSourceFailed(ILogger logger, Exception exception);
}
