namespace CineSync.Database;

/// <summary>Where CineSync's PostgreSQL database is. Bound from the <c>Database</c> section and <c>ConnectionStrings:CineSync</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section holding these options.</summary>
    public const string SectionName = "Database";

    /// <summary>The name under <c>ConnectionStrings</c> (environment variable <c>ConnectionStrings__CineSync</c>).</summary>
    public const string ConnectionStringName = "CineSync";

    /// <summary>
    /// An existing server to use. Default: none, in which case a private server is started in
    /// <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The private server's data folder, relative to the current directory. Default <c>.cinesync/postgres</c>.
    /// When running as root and the <c>postgres</c> user cannot reach this folder, a folder under
    /// /var/tmp is used instead (and logged).
    /// </summary>
    public string DataDirectory { get; set; } = Path.Combine(".cinesync", "postgres");

    /// <summary>The folder holding initdb and pg_ctl. Default: PATH, then the newest /usr/lib/postgresql/N/bin.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Stop the private server when the host stops (only when this process started it). Default true.</summary>
    public bool StopEmbeddedServerOnShutdown { get; set; } = true;
}
