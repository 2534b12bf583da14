using Orleans.Placement;

namespace CineSync.Grains.Placement;

/// <summary>
/// Activates a string-keyed grain on the silo its key names (<c>SiloAddress.ToParsableString()</c>), whoever calls it:
/// a grain that reports on "its" silo must run there. With that silo gone the call fails with
/// <see cref="Interfaces.SiloNotInClusterException"/> instead of activating the grain somewhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloInKeyPlacementAttribute() : PlacementAttribute(SiloInKeyPlacement.Instance);
