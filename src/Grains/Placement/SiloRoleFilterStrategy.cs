using Orleans.Metadata;
using Orleans.Placement;
using Orleans.Runtime;

namespace CineSync.Grains.Placement;

/// <summary>The placement filter of <see cref="RequiredSiloRoleAttribute"/>: the role travels in the grain's manifest properties.</summary>
public sealed class SiloRoleFilterStrategy : PlacementFilterStrategy
{
    private const string RoleProperty = "cinesync-required-role";

    /// <summary>Used by Orleans when it rebuilds the strategy from a grain's manifest.</summary>
    public SiloRoleFilterStrategy()
        : base(order: 0)
    {
    }

    /// <summary>A filter for silos with <paramref name="role"/>.</summary>
    public SiloRoleFilterStrategy(string role)
        : base(order: 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        Role = role;
    }

    /// <summary>The role a hosting silo must have.</summary>
    public string Role { get; private set; } = "";

    /// <inheritdoc />
    public override void AdditionalInitialize(GrainProperties properties) =>
        Role = GetPlacementFilterGrainProperty(RoleProperty, properties) ?? "";

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new KeyValuePair<string, string>(RoleProperty, Role);
    }
}
