namespace CineSync.Database.Hosting;

/// <summary>
/// The CineSync database this process uses, resolved once: the configured server, or the private
/// server started for this process. The schema is migrated before the connection string is handed out.
/// </summary>
public interface IDatabaseEndpoint
{
    /// <summary>True once the database is reachable and migrated.</summary>
    bool IsReady { get; }

    /// <summary>The connection string; throws <see cref="InvalidOperationException"/> before <see cref="IsReady"/>.</summary>
    string ConnectionString { get; }

    /// <summary>
    /// Waits until the database is ready and returns its connection string. The first call starts the
    /// work (starting the private server if needed and migrating), so any component may call it from
    /// its own start-up regardless of the order hosted services start in.
    /// </summary>
    Task<string> GetConnectionStringAsync(CancellationToken cancellationToken = default);
}
