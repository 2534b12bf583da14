using Orleans.Placement;

namespace CineSync.Grains.Placement;

/// <summary>
/// Activates the grain only on silos whose <c>role</c> metadata (<c>Orleans:Metadata:role</c>, comma-separated) lists
/// <see cref="Role"/>, whichever silo or client makes the call. Orleans' own
/// <c>RequiredMatchSiloMetadataPlacementFilter</c> compares with the deciding silo's value instead, which spreads the
/// grain over every silo as soon as calls start on silos of other roles.
/// </summary>
/// <param name="role">The role a hosting silo must have.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiredSiloRoleAttribute(string role) : PlacementFilterAttribute(new SiloRoleFilterStrategy(role))
{
    /// <summary>The role a hosting silo must have.</summary>
    public string Role { get; } = role;
}
