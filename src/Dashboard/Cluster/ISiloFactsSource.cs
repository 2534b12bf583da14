using CineSync.Grains.Interfaces;

namespace CineSync.Dashboard.Cluster;

/// <summary>Where the page gets the silo list and each silo's own facts (Orleans in a silo; a fake in tests).</summary>
internal interface ISiloFactsSource
{
    /// <summary>The cluster's active silos.</summary>
    Task<IReadOnlyList<ListedSilo>> GetMembersAsync(CancellationToken cancellationToken);

    /// <summary>One silo's facts, answered by that silo.</summary>
    Task<SiloFacts> GetFactsAsync(ListedSilo member);
}
