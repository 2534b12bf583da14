using System.Reflection;

namespace CineSync.Testing.Cluster;

/// <summary>
/// Finds a CineSync executable built beside the calling project. The caller's project references the executable's
/// project (so building the caller builds it) and records where its output lands in an assembly attribute:
/// <c>&lt;AssemblyMetadata Include="SiloDll" Value="…/src/Silo/bin/$(Configuration)/$(TargetFramework)/CineSync.Silo.dll" /&gt;</c>.
/// An environment variable can point elsewhere (an installed build, another configuration).
/// </summary>
public static class BuiltExecutable
{
    /// <summary>The real silo, <c>CineSync.Silo.dll</c>: metadata key <c>SiloDll</c>, override <c>CINESYNC_SILO_DLL</c>.</summary>
    public static string Silo(Assembly caller) => Locate(caller, "SiloDll", "CINESYNC_SILO_DLL");

    /// <summary>The standalone bot, <c>CineSync.BotClient.dll</c>: metadata key <c>BotClientDll</c>, override <c>CINESYNC_BOTCLIENT_DLL</c>.</summary>
    public static string BotClient(Assembly caller) => Locate(caller, "BotClientDll", "CINESYNC_BOTCLIENT_DLL");

    private static string Locate(Assembly caller, string key, string overrideVariable)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{overrideVariable} names {configured}, which does not exist.", configured);
        }

        var recorded = caller.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"{caller.GetName().Name} records no AssemblyMetadata '{key}': add it to its project file, or set {overrideVariable}.");
        var path = Path.GetFullPath(recorded);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built: build {caller.GetName().Name} (its ProjectReference builds it) or set {overrideVariable}.", path);
    }
}
