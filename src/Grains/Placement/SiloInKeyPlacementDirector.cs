using CineSync.Grains.Interfaces;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace CineSync.Grains.Placement;

/// <summary>Places a <see cref="SiloInKeyPlacement"/> grain on the silo its key names, if that silo is an active member.</summary>
internal sealed class SiloInKeyPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = target.GrainIdentity.Key.ToString() ?? "";
        var silo = Parse(key);

        // Compatible silos are the active members that host this grain type; a silo that left, died or never joined is
        // not among them, and the grain must not fall back to another silo: its answer would be that silo's.
        if (silo is null || !context.GetCompatibleSilos(target).Contains(silo))
        {
            throw new SiloNotInClusterException($"Silo '{key}' is not an active member of the cluster (stopped, declared dead, or not a silo address); nothing else can answer for it.");
        }

        return Task.FromResult(silo);
    }

    /// <summary>The silo address in <paramref name="key"/>, or null when it is none.</summary>
    internal static SiloAddress? Parse(string key)
    {
        try
        {
            return string.IsNullOrWhiteSpace(key) ? null : SiloAddress.FromParsableString(key);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
