using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.OnlineMetrics;

/// <summary>
/// Answers the online metrics over the last hour, day and week, ending now on the silo's <see cref="TimeProvider"/>,
/// and keeps the answer for <see cref="OnlineMetricsOptions.ReportCacheAge"/> so a polling dashboard costs a few
/// queries every few seconds, not per request.
/// </summary>
[GrainType("online-metrics")]
internal sealed class OnlineMetricsGrain(OnlineMetricsStore store, TimeProvider time, IOptions<OnlineMetricsOptions> options) : Grain, IOnlineMetricsGrain
{
    private OnlineMetricsReport? _report;
    private long _computedAt;

    public async Task<OnlineMetricsReport> GetAsync()
    {
        if (_report is null || time.GetElapsedTime(_computedAt) > options.Value.ReportCacheAge)
        {
            _report = await OnlineMetricsReporter.ComputeAsync(store, time.GetUtcNow());
            _computedAt = time.GetTimestamp();
        }

        return _report;
    }
}
