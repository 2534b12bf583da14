using CineSync.Dashboard.Metrics;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Cluster;

/// <summary>The membership view used when the silo registers none: this silo alone.</summary>
internal sealed class LocalSiloMembershipView(IOptions<DashboardOptions> options, SiloStatsCollector collector) : IClusterMembershipView
{
    public ValueTask<IReadOnlyList<SiloInfo>> GetSilosAsync(CancellationToken cancellationToken)
    {
        var local = collector.Current.Silos[0];
        IReadOnlyList<SiloInfo> silos =
        [
            new SiloInfo(options.Value.SiloName, local.Address, collector.DashboardUrl, SiloStatus.Active, [.. options.Value.Roles], local.StartedAt),
        ];
        return ValueTask.FromResult(silos);
    }
}
