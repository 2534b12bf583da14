using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CineSync.Runtime.Bench;

/// <summary>100 workers, each awaiting sequential no-op calls to its own grain, inside the silo.</summary>
internal static class PingHosted
{
    public static async Task RunAsync(TimeSpan duration)
    {
        foreach (var inline in new[] { true, false })
        {
            using var host = await SiloHosts.StartAsync(gatewayPort: null, inline);
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            await RunOnceAsync(factory, TimeSpan.FromSeconds(2)); // warm-up: activations, JIT tiers

            // Alternate without and with the collector so machine noise hits both alike; compare the medians.
            var without = new List<(double PerSecond, double PerCpuSecond)>();
            var with = new List<(double PerSecond, double PerCpuSecond)>();
            for (var round = 0; round < Rounds; round++)
            {
                without.Add(await RunOnceAsync(factory, duration));
                using var collector = await StartDashboardCollectorAsync();
                with.Add(await RunOnceAsync(factory, duration));
                await collector.StopAsync();
            }

            Console.WriteLine($"ping-hosted inline-turns={inline}: best {without.Max(r => r.PerSecond):N0} calls/s, median {Median(without, r => r.PerCpuSecond):N0} per CPU-second without stats collection; "
                + $"best {with.Max(r => r.PerSecond):N0} calls/s, median {Median(with, r => r.PerCpuSecond):N0} per CPU-second with the dashboard's stats collection: "
                + $"{(Median(with, r => r.PerCpuSecond) / Median(without, r => r.PerCpuSecond) - 1) * 100:+0.0;-0.0}% (median of {Rounds} alternating rounds)");
            await host.StopAsync();
        }
    }

    private const int Rounds = 7;

    private static double Median<T>(List<T> runs, Func<T, double> value)
    {
        var sorted = runs.Select(value).Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static Task<(double PerSecond, double PerCpuSecond)> RunOnceAsync(IGrainFactory factory, TimeSpan duration) =>
        ClosedLoop.MeasureAsync(factory.GetGrain<IPingGrain>, workers: 100, duration);

    /// <summary>
    /// The silo dashboard's real stats collection (its MeterListener and 1 s sampler), without its HTTP server:
    /// what a silo pays for being watched.
    /// </summary>
    private static async Task<IHost> StartDashboardCollectorAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSiloDashboard(o => o.Enabled = false);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
