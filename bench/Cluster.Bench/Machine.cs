using System.Runtime;
using System.Runtime.InteropServices;

namespace CineSync.Cluster.Bench;

/// <summary>The machine the figures were taken on, and how busy it was.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        return $"{Environment.ProcessorCount} cores, {cpu ?? "unknown CPU"}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {gc}, load average {LoadAverage()}";
    }

    /// <summary>The 1/5/15-minute load averages: on a machine shared with other builds they say how far to trust the figures.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
