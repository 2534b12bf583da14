using CineSync.Dashboard;
using CineSync.Database.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RuntimeSiloOptions = CineSync.Runtime.Hosting.SiloOptions;

namespace CineSync.Silo.Hosting;

/// <summary>Writes this silo's dashboard address into its membership row, so peers' dashboards can fetch its stats.</summary>
internal sealed partial class DashboardAddressPublisher(
    IDatabaseEndpoint database,
    ISiloDashboard dashboard,
    IOptions<RuntimeSiloOptions> silo,
    TimeProvider time,
    ILogger<DashboardAddressPublisher> logger) : BackgroundService
{
    // The row appears once the silo has joined; until then, and after a rejoin, keep trying.
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var published = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (dashboard.BaseAddress is { } address && database.IsReady)
                {
                    var updated = await PublishAsync(address, stoppingToken);
                    if (updated && !published)
                    {
                        LogPublished(address);
                    }

                    published = updated;
                }
            }
            catch (NpgsqlException e)
            {
                LogFailed(e.Message);
            }

            try
            {
                await Task.Delay(published ? RetryPeriod * 15 : RetryPeriod, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> PublishAsync(Uri address, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE cluster_members SET dashboard_url = @url
            WHERE cluster_id = @cluster AND silo_name = @name AND status <> 'dead'
            """, connection);
        command.Parameters.AddWithValue("url", address.ToString());
        command.Parameters.AddWithValue("cluster", silo.Value.ClusterId);
        command.Parameters.AddWithValue("name", silo.Value.Name);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard address {Address} published in the membership table")]
    private partial void LogPublished(Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the dashboard address: {Reason}")]
    private partial void LogFailed(string reason);
}
