namespace CineSync.Runtime.Cluster;

/// <summary>One silo incarnation: its silo-to-silo endpoint and the generation that tells restarts apart.</summary>
internal readonly record struct SiloAddress(string Address, int Port, long Generation)
{
    /// <summary>A stable hash (the same in every process) for rendezvous placement.</summary>
    public ulong StableHash => Rendezvous.Hash(ToString());

    public override string ToString() => $"{Address}:{Port}@{Generation}";
}

/// <summary>Membership status of a silo, as stored in <c>cluster_members.status</c>.</summary>
internal enum SiloStatus
{
    Joining,
    Active,
    ShuttingDown,
    Dead,
}

/// <summary>A row of <c>cluster_members</c>.</summary>
internal sealed record MembershipEntry(
    SiloAddress Silo,
    string Name,
    int? GatewayPort,
    IReadOnlyList<string> Roles,
    SiloStatus Status,
    long RowVersion,
    bool IsStale)
{
    /// <summary>The silo's rendezvous hash, computed once.</summary>
    public ulong SiloHash { get; } = Silo.StableHash;

    public bool HasRole(string? role) => role is null || Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public static string ToDb(SiloStatus status) => status switch
    {
        SiloStatus.Joining => "joining",
        SiloStatus.Active => "active",
        SiloStatus.ShuttingDown => "shutting_down",
        _ => "dead",
    };

    public static SiloStatus FromDb(string status) => status switch
    {
        "joining" => SiloStatus.Joining,
        "active" => SiloStatus.Active,
        "shutting_down" => SiloStatus.ShuttingDown,
        _ => SiloStatus.Dead,
    };
}

/// <summary>A consistent read of the table: its version and every row of the cluster.</summary>
internal sealed record MembershipSnapshot(long Version, IReadOnlyList<MembershipEntry> Members)
{
    public static readonly MembershipSnapshot Empty = new(-1, []);

    /// <summary>Silos that take new activations: active, with a recent heartbeat.</summary>
    public IReadOnlyList<MembershipEntry> Active { get; } = Members.Where(m => m.Status == SiloStatus.Active && !m.IsStale).ToList();
}
