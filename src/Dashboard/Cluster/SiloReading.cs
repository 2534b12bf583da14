using CineSync.Grains.Interfaces;

namespace CineSync.Dashboard.Cluster;

/// <summary>One silo's answer, or why there is none.</summary>
/// <param name="Member">The silo.</param>
/// <param name="Facts">What it reported; null when it did not answer.</param>
/// <param name="Error">Why it did not, for the page.</param>
internal sealed record SiloReading(ListedSilo Member, SiloFacts? Facts, string? Error);
