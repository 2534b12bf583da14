using Orleans.Concurrency;
using Orleans.Runtime;

namespace CineSync.Grains.Interfaces;

/// <summary>
/// One silo's own figures for CineSync's dashboard page: what it is, which model it serves and what its users did
/// recently. Keyed by the silo's address (<see cref="SiloAddress.ToParsableString"/>, see
/// <see cref="SiloFactsGrainExtensions.GetSiloFactsGrain"/>); the activation always lives on that very silo, so the
/// answer is that silo's, never a shared row. Calling it for a silo that is not an active member fails with
/// <see cref="SiloNotInClusterException"/>.
/// </summary>
[Alias("cinesync.SiloFactsGrain")]
public interface ISiloFactsGrain : IGrainWithStringKey
{
    /// <summary>The silo's facts now.</summary>
    [ReadOnly]
    [Alias("GetFactsAsync")]
    Task<SiloFacts> GetFactsAsync();
}
