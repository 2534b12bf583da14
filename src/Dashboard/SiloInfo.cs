namespace CineSync.Dashboard;

/// <summary>One silo of the cluster as the membership view sees it.</summary>
/// <param name="Name">The silo's unique name.</param>
/// <param name="Address">Its silo-to-silo endpoint, for display.</param>
/// <param name="DashboardUrl">The base address of its dashboard (see <see cref="ISiloDashboard.BaseAddress"/>), or null if it serves none.</param>
/// <param name="Status">Its membership status.</param>
/// <param name="Roles">Its configured roles (<c>model</c>, <c>taste</c>, …).</param>
/// <param name="StartedAt">When it started.</param>
public sealed record SiloInfo(
    string Name,
    string Address,
    Uri? DashboardUrl,
    SiloStatus Status,
    IReadOnlyList<string> Roles,
    DateTimeOffset StartedAt);

/// <summary>A silo's membership status.</summary>
public enum SiloStatus
{
    /// <summary>Starting, not yet accepting grains.</summary>
    Joining,

    /// <summary>Live member.</summary>
    Active,

    /// <summary>Leaving the cluster gracefully.</summary>
    ShuttingDown,

    /// <summary>Declared dead (missed heartbeats) or stopped.</summary>
    Dead,
}
