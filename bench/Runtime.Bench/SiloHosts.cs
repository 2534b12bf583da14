using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Runtime.Bench;

internal static class SiloHosts
{
    public static async Task<IHost> StartAsync(int? gatewayPort, bool inline = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(o =>
        {
            o.Name = "bench";
            o.GatewayPort = gatewayPort;
            o.AllowInlineTurns = inline;
        }).AddGrains(typeof(PingGrain).Assembly);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
