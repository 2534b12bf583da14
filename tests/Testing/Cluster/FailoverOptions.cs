using CineSync.Grains.Interfaces;

namespace CineSync.Testing.Cluster;

/// <summary>How long and how hard <see cref="FailoverScenario"/> loads the cluster around the kill.</summary>
public sealed record FailoverOptions
{
    /// <summary>The first user id of the load (ids far from MovieLens' and other tests').</summary>
    public long FirstUserId { get; init; } = 7_000_000_000_000;

    public int Users { get; init; } = 300;

    public int Workers { get; init; } = 8;

    /// <summary>Load before the kill, counted once every user has answered once (so every grain is placed).</summary>
    public TimeSpan LoadBeforeKill { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Load kept running once every user of the killed silo has answered again.</summary>
    public TimeSpan LoadAfterRecovery { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The response timeout the client and silos are configured with (CineSync's default, 5 s).</summary>
    public TimeSpan ResponseTimeout { get; init; } = CineSyncCluster.DefaultResponseTimeout;

    /// <summary>
    /// The longest a call may take before it counts as hung: the response timeout plus generous slack for a busy machine.
    /// It stays below Orleans' own default (30 s), so a client or silo that ignored the configured timeout shows.
    /// </summary>
    public TimeSpan HangLimit => ResponseTimeout + TimeSpan.FromSeconds(20);

    /// <summary>Bounds each wait on an event (warm-up, recovery, answers after the move); never a performance target.</summary>
    public TimeSpan SafetyTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
