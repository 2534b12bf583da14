using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace CineSync.Grains.Placement;

/// <summary>Keeps the candidate silos whose role metadata lists the strategy's role; none left means "no compatible silo".</summary>
internal sealed class SiloRoleFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var role = ((SiloRoleFilterStrategy)filterStrategy).Role;
        return silos.Where(silo => SiloRoles.Has(metadata.GetSiloMetadata(silo), role));
    }
}
