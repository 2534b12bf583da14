using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using CineSync.Grains.Placement;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace CineSync.Grains.Diagnostics;

/// <summary>
/// Reports the silo it runs on. <see cref="SiloInKeyPlacementAttribute"/> puts each activation on the silo its key
/// names and <see cref="ImmovableAttribute"/> keeps it there, so every figure comes from that silo's own singletons
/// (its model holder, its metrics) and a silo that is gone cannot be impersonated by another.
/// </summary>
[GrainType("silo-facts")]
[SiloInKeyPlacement]
[Immovable]
internal sealed class SiloFactsGrain(
    ILocalSiloDetails silo,
    IOptions<SiloMetadata> metadata,
    ModelHolder models,
    RecommendationMetrics metrics,
    TimeProvider time) : Grain, ISiloFactsGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Placement already guarantees this; should it ever not, answering for the wrong silo would be worse than failing.
        var key = this.GetPrimaryKeyString();
        if (!string.Equals(key, silo.SiloAddress.ToParsableString(), StringComparison.Ordinal))
        {
            throw new SiloNotInClusterException($"Silo facts for '{key}' activated on silo '{silo.SiloAddress.ToParsableString()}'; refusing to answer for another silo.");
        }

        return Task.CompletedTask;
    }

    public Task<SiloFacts> GetFactsAsync()
    {
        var recent = metrics.ReadRecent();
        var loaded = models.Current;
        var served = loaded is null
            ? null
            : new ServedModel(loaded.Stamp.Version, loaded.Stamp.Label, loaded.Stamp.CreatedAt, loaded.Engine.Bundle.Metrics, loaded.Engine.Bundle.ItemCount);
        return Task.FromResult(new SiloFacts(
            silo.Name,
            silo.SiloAddress.ToParsableString(),
            SiloRoles.Of(metadata.Value),
            served,
            recent.Window,
            recent.Ratings,
            recent.RatingsPerMinute,
            metrics.ActiveUsers,
            metrics.ColdStartUsers,
            recent.Feedback,
            time.GetUtcNow(),
            recent.Refusals,
            recent.Failures));
    }
}
