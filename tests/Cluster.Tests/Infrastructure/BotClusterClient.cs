using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Cluster.Tests.Infrastructure;

/// <summary>
/// The standalone bot's cluster client, configured as the bot configures it (<c>AddCineSyncClusterClient</c> on a
/// <see cref="Host.CreateApplicationBuilder(string[])"/> host, settings on the command line): gateways from the
/// membership table in PostgreSQL, CineSync's response timeout, the retry filter.
/// </summary>
internal static class BotClusterClient
{
    public static async Task<IHost> StartAsync(string connectionString, string clusterId, ILoggerProvider logs, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder([$"--Cluster:ClusterId={clusterId}", $"--ConnectionStrings:CineSync={connectionString}"]);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddCineSyncClusterClient();
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }
}
