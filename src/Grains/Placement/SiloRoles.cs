using Orleans.Runtime.MembershipService.SiloMetadata;

namespace CineSync.Grains.Placement;

/// <summary>Silo roles as CineSync writes them into silo metadata: <c>role=model,taste</c>.</summary>
public static class SiloRoles
{
    /// <summary>The silo metadata key (configuration <c>Orleans:Metadata:role</c>).</summary>
    public const string MetadataKey = "role";

    /// <summary>Silos with this role host <c>ModelGrain</c> workers.</summary>
    public const string Model = "model";

    /// <summary>The roles listed in <paramref name="metadata"/>.</summary>
    public static IReadOnlyList<string> Of(SiloMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Parse(metadata.Metadata.GetValueOrDefault(MetadataKey));
    }

    /// <summary>Whether <paramref name="metadata"/> lists <paramref name="role"/>.</summary>
    public static bool Has(SiloMetadata metadata, string role) =>
        Of(metadata).Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>Splits <c>"model, taste"</c> into its roles.</summary>
    public static IReadOnlyList<string> Parse(string? roles) =>
        (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
