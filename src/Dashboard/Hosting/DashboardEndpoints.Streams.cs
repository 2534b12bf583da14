using System.Text;
using System.Text.Json;
using CineSync.Dashboard.Cluster;
using CineSync.Dashboard.Logging;
using CineSync.Dashboard.Metrics;
using CineSync.Dashboard.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// Server-sent event streams: the cluster snapshot once a second, and the log tail as it grows. They end
/// when the page goes away or the silo stops (an open tab must not hold up the silo's shutdown).
/// </summary>
internal static partial class DashboardEndpoints
{
    private static Task StreamSnapshotsAsync(HttpContext context, SiloStatsCollector collector, ClusterView cluster, CancellationToken stopping) =>
        RunEventStreamAsync(context, stopping, async ct =>
        {
            while (!ct.IsCancellationRequested)
            {
                var snapshot = await cluster.GetAsync(includeHistory: false, ct).ConfigureAwait(false);
                await WriteEventAsync(context.Response, "snapshot", JsonSerializer.SerializeToUtf8Bytes(snapshot, DashboardJsonContext.Default.DashboardSnapshot), ct).ConfigureAwait(false);
                await collector.WaitForNextSampleAsync(ct).ConfigureAwait(false);
            }
        });

    private static Task StreamLogsAsync(HttpContext context, LogTail logs, long after, CancellationToken stopping) =>
        RunEventStreamAsync(context, stopping, async ct =>
        {
            while (!ct.IsCancellationRequested)
            {
                var appended = logs.WaitForAppendAsync(ct); // taken before reading, so no line slips between
                var lines = logs.ReadAfter(after);
                if (lines.Length > 0)
                {
                    after = lines[^1].Sequence;
                    await WriteEventAsync(context.Response, "logs", JsonSerializer.SerializeToUtf8Bytes(lines, DashboardJsonContext.Default.LogLineArray), ct).ConfigureAwait(false);
                }

                await appended.ConfigureAwait(false);
            }
        });

    private static async Task RunEventStreamAsync(HttpContext context, CancellationToken stopping, Func<CancellationToken, Task> loop)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = lifetime.Token;
        try
        {
            await StartEventStreamAsync(context, ct).ConfigureAwait(false);
            await loop(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away or the silo is stopping.
        }
    }

    private static async Task StartEventStreamAsync(HttpContext context, CancellationToken ct)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 2000\n\n", ct).ConfigureAwait(false);
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, byte[] json, CancellationToken ct)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: "), ct).ConfigureAwait(false);
        await response.Body.WriteAsync(json, ct).ConfigureAwait(false); // compact JSON: no newlines inside
        await response.Body.WriteAsync("\n\n"u8.ToArray(), ct).ConfigureAwait(false);
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
    }
}
