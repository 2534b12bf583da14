using System.Globalization;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Drift;

/// <summary>
/// Each silo's drift check: every <see cref="DriftOptions.CheckPeriod"/> it compares recent ratings with the current
/// model's training data, keeps the report for the dashboard, and logs a warning when a distribution crosses the
/// threshold (and once more when it is back within it).
/// </summary>
internal sealed partial class DriftMonitor(DriftDetector detector, TimeProvider time, IOptions<DriftOptions> options, ILogger<DriftMonitor> logger) : BackgroundService
{
    private DriftReport? _latest;

    /// <summary>The latest report, computing one now when there is none yet.</summary>
    public async Task<DriftReport> GetLatestAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _latest) ?? await CheckNowAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Compares now, keeps the report and logs a change of status.</summary>
    public async Task<DriftReport> CheckNowAsync(CancellationToken cancellationToken = default)
    {
        var report = await detector.DetectAsync(time.GetUtcNow(), options.Value, cancellationToken).ConfigureAwait(false);
        var previous = Interlocked.Exchange(ref _latest, report);
        if (report.Status == DriftReport.Drifted && previous?.Status != DriftReport.Drifted)
        {
            foreach (var dimension in report.Dimensions.Where(d => d.Drifted))
            {
                var shift = dimension.Buckets[0];
                LogDrifted(logger, dimension.Name, dimension.Psi, report.Threshold, report.ModelVersion, report.RecentRatings, shift.Name, Percent(shift.Reference), Percent(shift.Recent));
            }
        }
        else if (report.Status == DriftReport.Stable && previous?.Status == DriftReport.Drifted)
        {
            LogStableAgain(logger, report.ModelVersion, report.RecentRatings);
        }

        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckNowAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(logger, ex);
            }

            await Task.Delay(options.Value.CheckPeriod, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drift: the {Dimension} distribution of {Recent} recent ratings moved away from model version {Version}'s training data (PSI {Psi:0.000} > {Threshold}); largest shift {Bucket}: {Reference} of training ratings, {Now} recently")]
    private static partial void LogDrifted(ILogger logger, string dimension, double psi, double threshold, int version, long recent, string bucket, string reference, string now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drift: {Recent} recent ratings are back within the threshold of model version {Version}'s training data")]
    private static partial void LogStableAgain(ILogger logger, int version, long recent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drift check failed; trying again at the next period")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
