using CineSync.Grains.Interfaces;
using Orleans;
using Orleans.Runtime;

namespace CineSync.Dashboard.Cluster;

/// <summary>
/// The silo list from Orleans' membership (<see cref="IManagementGrain.GetDetailedHosts(bool, CancellationToken)"/>, active silos only) and each
/// silo's facts from its <see cref="ISiloFactsGrain"/>, which placement keeps on that silo.
/// </summary>
internal sealed class OrleansSiloFactsSource(IGrainFactory grains) : ISiloFactsSource
{
    public async Task<IReadOnlyList<ListedSilo>> GetMembersAsync(CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. hosts
            .Select(h => new ListedSilo(h.SiloAddress.ToParsableString(), h.SiloName, new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc))))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Address, StringComparer.Ordinal)];
    }

    public Task<SiloFacts> GetFactsAsync(ListedSilo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return grains.GetGrain<ISiloFactsGrain>(member.Address).GetFactsAsync();
    }
}
