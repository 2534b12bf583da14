using CineSync.Runtime.Invocation;

namespace CineSync.Runtime;

/// <summary>Reads the primary key of a grain or grain reference, as in Orleans.</summary>
public static class GrainExtensions
{
    /// <summary>The integer key of a grain keyed by integer.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain) => KeyOf(grain).AsInteger();

    /// <summary>The string key of a grain keyed by string.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => KeyOf(grain).AsString();

    /// <summary>The GUID key of a grain keyed by GUID.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain) => KeyOf(grain).AsGuid();

    /// <summary>The key of a grain or grain reference, whatever its kind.</summary>
    public static GrainKey GetGrainKey(this IAddressable grain) => KeyOf(grain);

    private static GrainKey KeyOf(IAddressable grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain switch
        {
            Grain g => g.GrainId.Key,
            GrainReference r => r.Key,
            _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference.", nameof(grain)),
        };
    }
}
