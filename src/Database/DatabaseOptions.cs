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

    /// <summary>
    /// How long connecting, and each statement a user waits for (a rating, feedback, a grain's state row), may take
    /// before the user is told to try again. Default 2 s; whole seconds. Bulk work (training, model bundles, imports)
    /// keeps Npgsql's longer command timeout.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Most connections the silo's data source keeps open, and so each pool of Orleans' ADO.NET providers (which take a
    /// connection string, not a data source). Default 100 (Npgsql's).
    /// </summary>
    public int MaxPoolSize { get; set; } = 100;

    /// <summary><see cref="Timeout"/> in Npgsql's whole seconds (never zero, which would mean "wait for ever").</summary>
    public int TimeoutSeconds => Math.Max(1, (int)Math.Ceiling(Timeout.TotalSeconds));
}
