using System.Diagnostics;

namespace CineSync.Testing.Cluster;

/// <summary>
/// Several real silo processes forming one cluster (a fresh cluster id) over one database. Ready when every silo's
/// <c>/health</c> answers 200 and the membership table shows each of them Active.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private SiloCluster(string connectionString, string clusterId, IReadOnlyList<SiloProcess> silos)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
        Silos = silos;
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    /// <summary>From the first start to all Active (a figure, never asserted).</summary>
    public TimeSpan ReadyAfter { get; private set; }

    public SiloProcess this[string name] => Silos.Single(s => s.Name == name);

    /// <summary>A cluster id no other test or run uses, so rows of earlier runs never mix in.</summary>
    public static string NewClusterId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];

    /// <summary>Starts every silo of <paramref name="launches"/> at once and waits until all are ready.</summary>
    public static async Task<SiloCluster> StartAsync(
        string siloDll, string connectionString, string clusterId, IReadOnlyList<SiloLaunch> launches, TimeSpan safetyTimeout,
        string? logDirectory = null, IEnumerable<string>? extraArguments = null)
    {
        ArgumentNullException.ThrowIfNull(launches);
        var clock = Stopwatch.StartNew();
        var silos = launches.Select(l => SiloProcess.Start(siloDll, connectionString, clusterId, l, logDirectory, extraArguments)).ToList();
        var cluster = new SiloCluster(connectionString, clusterId, silos);
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitHealthyAsync(safetyTimeout))).ConfigureAwait(false);
            await cluster.WaitActiveAsync(launches.Select(l => l.Name), safetyTimeout - clock.Elapsed).ConfigureAwait(false);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        cluster.ReadyAfter = clock.Elapsed;
        return cluster;
    }

    /// <summary>Waits until the newest row of each named silo is Active.</summary>
    public Task<IReadOnlyList<MemberRow>> WaitActiveAsync(IEnumerable<string> names, TimeSpan safetyTimeout)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return MembershipTable.WaitUntilAsync(ConnectionString, ClusterId,
            rows => wanted.All(n => Newest(rows, n) is { Status: MemberRow.Active }),
            safetyTimeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : safetyTimeout,
            "every silo Active (" + string.Join(", ", wanted) + ")");
    }

    /// <summary>Waits until the row of <paramref name="silo"/>'s incarnation is Dead: the cluster has declared it dead.</summary>
    public Task<IReadOnlyList<MemberRow>> WaitDeadAsync(SiloProcess silo, TimeSpan safetyTimeout)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return MembershipTable.WaitUntilAsync(ConnectionString, ClusterId,
            rows => rows.Any(r => r.Port == silo.SiloPort && r.Status == MemberRow.Dead), safetyTimeout, $"{silo.Name} Dead");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static MemberRow? Newest(IReadOnlyList<MemberRow> rows, string name) =>
        rows.Where(r => r.SiloName == name).MaxBy(r => r.Generation);
}
