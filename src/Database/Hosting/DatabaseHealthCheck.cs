using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CineSync.Database.Hosting;

/// <summary>Healthy when the database answers a query; reports how many movies the catalogue holds.</summary>
internal sealed class DatabaseHealthCheck(IDatabaseEndpoint endpoint, DatabaseDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsReady)
        {
            return HealthCheckResult.Unhealthy("The database is starting.");
        }

        try
        {
            var source = await dataSource.GetAsync(cancellationToken).ConfigureAwait(false);
            await using var command = source.CreateCommand("SELECT count(*) FROM movies");
            var movies = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return HealthCheckResult.Healthy("The database is reachable.", new Dictionary<string, object> { ["movies"] = movies });
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The message only: exceptions from Npgsql never include the password.
            return HealthCheckResult.Unhealthy("The database is unreachable: " + e.Message);
        }
    }
}
