using System.Globalization;
using CineSync.Grains.Interfaces;
using CineSync.Testing.Cluster;
using Orleans.Runtime;

namespace CineSync.Load.Bench;

/// <summary>The silo processes' resident memory (VmRSS) and the user grains active in them (each silo's facts grain).</summary>
internal static class SiloMemory
{
    public static long ResidentBytes(SiloCluster cluster) =>
        cluster.Silos.Where(s => !s.Process.HasExited).Sum(s => Rss(s.Process.Id));

    public static async Task<long> ActiveUsersAsync(IClusterClient client)
    {
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        var facts = await Task.WhenAll(hosts.Keys.Select(silo => client.GetSiloFactsGrain(silo).GetFactsAsync())).ConfigureAwait(false);
        return facts.Sum(f => f.ActiveUsers);
    }

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
