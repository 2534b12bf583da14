using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace CineSync.Database.Postgres;

/// <summary>
/// Chooses a data folder the server can use. PostgreSQL refuses to run as root, so when this process
/// is root the server runs as <c>postgres</c>, which must be able to reach the folder: a checkout
/// under /root (mode 700) is out of its reach. Such a folder is replaced by a stable one under /var/tmp.
/// </summary>
public static class DataDirectoryAccess
{
    /// <summary>The server's operating-system user when this process is root.</summary>
    public const string ServerUser = "postgres";

    /// <summary>The root of the fallback folders.</summary>
    public static readonly string FallbackRoot = Path.Combine("/var/tmp", "cinesync-postgres");

    /// <summary>Returns <paramref name="requested"/> (made absolute), or a fallback folder and why it was chosen.</summary>
    public static (string Path, string? FallbackReason) Choose(string requested)
    {
        var full = Path.GetFullPath(requested);
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows() || ServerUserCanReach(full))
        {
            return (full, null);
        }

        // Same requested folder → same fallback folder, so later starts reuse the cluster.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12];
        var fallback = Path.Combine(FallbackRoot, hash);
        return (fallback, $"the '{ServerUser}' user cannot reach {full}");
    }

    /// <summary>True when the server user can search the folder, or its nearest existing ancestor.</summary>
    private static bool ServerUserCanReach(string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return false;
            }
        }

        // Folders this process creates below it get mode 755 (umask 022) and the data folder itself is
        // handed to the server user before initdb, so only the existing part of the path matters.
        var start = new ProcessStartInfo("runuser") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-u", ServerUser, "--", "test", "-x", existing })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
