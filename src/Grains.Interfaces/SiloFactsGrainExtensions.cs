using Orleans.Runtime;

namespace CineSync.Grains.Interfaces;

/// <summary>Addresses <see cref="ISiloFactsGrain"/> by silo.</summary>
public static class SiloFactsGrainExtensions
{
    /// <summary>The facts grain of <paramref name="silo"/> (as listed by Orleans' membership, generation included).</summary>
    public static ISiloFactsGrain GetSiloFactsGrain(this IGrainFactory grains, SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(silo);
        return grains.GetGrain<ISiloFactsGrain>(silo.ToParsableString());
    }
}
