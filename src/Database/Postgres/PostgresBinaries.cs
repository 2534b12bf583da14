namespace CineSync.Database.Postgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) on this machine.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    /// <summary>The message shown when the server programs are missing: it names the package to install.</summary>
    public const string InstallHint =
        "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin. " +
        "Install them with 'sudo apt-get install postgresql' (Debian/Ubuntu), or configure " +
        "ConnectionStrings:CineSync (environment variable ConnectionStrings__CineSync) to use an existing server.";

    /// <summary>Looks in <paramref name="binDirectory"/> when given, else PATH, else the newest /usr/lib/postgresql/N/bin.</summary>
    public static PostgresBinaries Locate(string? binDirectory = null)
    {
        foreach (var dir in CandidateDirectories(binDirectory))
        {
            var initdb = Path.Combine(dir, "initdb");
            var pgctl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(initdb) && File.Exists(pgctl))
            {
                return new PostgresBinaries(initdb, pgctl);
            }
        }

        throw new PostgresNotInstalledException(InstallHint);
    }

    private static IEnumerable<string> CandidateDirectories(string? binDirectory)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            yield return binDirectory;
            yield break;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }
    }
}

/// <summary>Thrown when no PostgreSQL server programs can be found.</summary>
public sealed class PostgresNotInstalledException(string message) : Exception(message);
