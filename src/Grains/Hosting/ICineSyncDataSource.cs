using Npgsql;

namespace CineSync.Grains.Hosting;

/// <summary>
/// Where the grains reach PostgreSQL: the host's one data source, handed out once the database is ready (a silo starts
/// its private server while the host starts, so the grains may ask before it exists). All the grains need from the
/// database layer; the silo adapts its database's data source to it. The data source's connect <c>Timeout</c> is also
/// the command timeout of the statements a user waits for (ratings, feedback, their own rows).
/// </summary>
public interface ICineSyncDataSource
{
    /// <summary>The data source, waiting for the database when it is still starting.</summary>
    ValueTask<NpgsqlDataSource> GetAsync(CancellationToken cancellationToken);
}
