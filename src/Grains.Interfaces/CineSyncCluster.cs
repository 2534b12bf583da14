namespace CineSync.Grains.Interfaces;

/// <summary>Names every CineSync silo and client must agree on to form one cluster.</summary>
public static class CineSyncCluster
{
    /// <summary>
    /// Orleans' service id: part of every grain-state row's key, so it never changes between deployments or restarts
    /// (a new value would orphan every user's stored taste).
    /// </summary>
    public const string ServiceId = "cinesync";

    /// <summary>The cluster id when none is configured (a single machine).</summary>
    public const string DefaultClusterId = "cinesync";

    /// <summary>The ADO.NET invariant Orleans loads the PostgreSQL driver by.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>The client gateway port of a silo when none is configured.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>
    /// How long a grain call may take before it fails with a <see cref="TimeoutException"/>. Orleans' default is 30 s;
    /// a member waiting on Discord should hear "try again" well before that when a silo dies with their call.
    /// </summary>
    public static readonly TimeSpan DefaultResponseTimeout = TimeSpan.FromSeconds(5);
}
