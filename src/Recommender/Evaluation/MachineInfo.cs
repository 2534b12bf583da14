using System.Runtime.InteropServices;

namespace CineSync.Recommender.Evaluation;

/// <summary>Describes the machine figures were measured on.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            }
        }
        catch (IOException)
        {
            // Best effort only.
        }

        return $"{Environment.ProcessorCount} cores, {cpu}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
