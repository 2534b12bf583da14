using CineSync.Database.Hosting;
using CineSync.Grains.Hosting;
using Npgsql;

namespace CineSync.Silo.Hosting;

/// <summary>The grains' way to PostgreSQL in a silo: the silo's one data source, from the database layer.</summary>
internal sealed class SiloDataSource(DatabaseDataSource database) : ICineSyncDataSource
{
    public ValueTask<NpgsqlDataSource> GetAsync(CancellationToken cancellationToken) => database.GetAsync(cancellationToken);
}
