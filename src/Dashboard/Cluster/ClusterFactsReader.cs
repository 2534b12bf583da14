using CineSync.Dashboard.Api;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Cluster;

/// <summary>
/// Asks every active silo for its facts in parallel, each within <see cref="DashboardOptions.SiloTimeout"/>, so one silo
/// that hangs or has just died shows as unreachable instead of holding up the page; then adds them up.
/// </summary>
internal sealed partial class ClusterFactsReader(ISiloFactsSource source, IOptions<DashboardOptions> options, TimeProvider time, ILogger<ClusterFactsReader> logger)
{
    public async Task<ClusterView> ReadAsync(CancellationToken cancellationToken)
    {
        var members = await source.GetMembersAsync(cancellationToken).ConfigureAwait(false);
        var timeout = options.Value.SiloTimeout;
        var readings = await Task.WhenAll(members.Select(m => ReadAsync(m, timeout, cancellationToken))).ConfigureAwait(false);
        return ClusterViewBuilder.Build(time.GetUtcNow(), readings);
    }

    private async Task<SiloReading> ReadAsync(ListedSilo member, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var facts = await source.GetFactsAsync(member).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return new SiloReading(member, facts, null);
        }
        catch (TimeoutException)
        {
            return new SiloReading(member, null, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (SiloNotInClusterException)
        {
            return new SiloReading(member, null, "left the cluster");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSiloFailed(logger, member.Name, member.Address, ex);
            return new SiloReading(member, null, Describe(ex));
        }
    }

    /// <summary>A short reason for the page: the exception's first line, never a stack trace.</summary>
    private static string Describe(Exception ex)
    {
        var line = ex.Message.Split('\n', 2)[0].Trim();
        return line.Length <= 160 ? line : line[..157] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} ({Address}) did not give its dashboard facts")]
    private static partial void LogSiloFailed(ILogger logger, string silo, string address, Exception exception);
}
