using System.Globalization;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Cluster.Bench;

/// <summary>
/// <c>Cluster.Bench ping-silo SILOPORT GATEWAYPORT</c>: a plain Orleans silo on loopback hosting the ping grains, run
/// by the ping scenario as a process of its own so its CPU time is measured apart from the client's. It stops when
/// its standard input closes.
/// </summary>
internal static class PingSilo
{
    public const string Verb = "ping-silo";
    public const string ClusterId = "cinesync-ping";
    public const string ReadyLine = "ping silo ready";

    public static async Task<int> RunAsync(string[] args)
    {
        var siloPort = int.Parse(args[0], CultureInfo.InvariantCulture);
        var gatewayPort = int.Parse(args[1], CultureInfo.InvariantCulture);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort, null, CineSyncCluster.ServiceId, ClusterId));
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine(ReadyLine);
        await Console.In.ReadToEndAsync();
        await host.StopAsync();
        return 0;
    }
}
