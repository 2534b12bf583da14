using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Drift;

/// <summary>The population stability index of two count distributions over the same buckets.</summary>
internal static class PopulationStability
{
    /// <summary>Shares below this count as this, so a bucket empty on one side adds a large but finite term.</summary>
    public const double Floor = 1e-4;

    /// <summary>Σ (recent − reference) · ln(recent ÷ reference) over the union of buckets, with each side's shares.</summary>
    public static (double Psi, IReadOnlyList<DriftBucket> Buckets) Compare(IReadOnlyDictionary<string, long> reference, IReadOnlyDictionary<string, long> recent)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(recent);
        var (referenceTotal, recentTotal) = (Math.Max(1, reference.Values.Sum()), Math.Max(1, recent.Values.Sum()));
        var buckets = reference.Keys.Union(recent.Keys, StringComparer.Ordinal)
            .Select(name => new DriftBucket(name, (double)reference.GetValueOrDefault(name) / referenceTotal, (double)recent.GetValueOrDefault(name) / recentTotal))
            .ToList();
        var psi = buckets.Sum(b =>
        {
            var (expected, actual) = (Math.Max(Floor, b.Reference), Math.Max(Floor, b.Recent));
            return (actual - expected) * Math.Log(actual / expected);
        });
        return (psi, [.. buckets.OrderByDescending(b => Math.Abs(b.Recent - b.Reference)).ThenBy(b => b.Name, StringComparer.Ordinal)]);
    }
}
