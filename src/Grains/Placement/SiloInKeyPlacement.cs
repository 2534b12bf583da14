using Orleans.Runtime;

namespace CineSync.Grains.Placement;

/// <summary>
/// The placement strategy of <see cref="SiloInKeyPlacementAttribute"/>: the grain's string key is a silo address and the
/// activation goes to that silo. Orleans rebuilds it by type name from the grain's manifest, so it has no state.
/// </summary>
[GenerateSerializer, Immutable, Alias("cinesync.SiloInKeyPlacement")]
public sealed class SiloInKeyPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute uses.</summary>
    internal static SiloInKeyPlacement Instance { get; } = new();
}
