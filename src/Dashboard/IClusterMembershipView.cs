namespace CineSync.Dashboard;

/// <summary>
/// The silos the cluster views gather snapshots from. The silo implements it over its membership table;
/// without a registration the dashboard sees only its own silo.
/// </summary>
public interface IClusterMembershipView
{
    /// <summary>The current members, this silo included (matched by <see cref="DashboardOptions.SiloName"/>).</summary>
    ValueTask<IReadOnlyList<SiloInfo>> GetSilosAsync(CancellationToken cancellationToken);
}
