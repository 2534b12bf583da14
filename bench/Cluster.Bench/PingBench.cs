using System.Diagnostics;
using System.Globalization;
using CineSync.Testing;
using CineSync.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Cluster.Bench;

/// <summary>
/// Orleans calls per CPU-second on this machine, for the record: a trivial grain called from a grain of the same silo,
/// and from the bot's cluster client over the TCP gateway. The silo is a process of its own (<see cref="PingSilo"/>),
/// so its CPU time and the client's are measured apart (<see cref="Process.TotalProcessorTime"/> deltas).
/// </summary>
internal static class PingBench
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public static async Task RunAsync()
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        await using var silo = ChildProcess.Start("ping-silo", typeof(PingBench).Assembly.Location,
            [PingSilo.Verb, siloPort.ToString(CultureInfo.InvariantCulture), gatewayPort.ToString(CultureInfo.InvariantCulture)], AppContext.BaseDirectory);
        await silo.WaitForLineAsync(l => l == PingSilo.ReadyLine, TimeSpan.FromSeconds(120), "its ready line");

        // The bot's client with a fixed gateway; a driver's run outlasts CineSync's 5 s response timeout, hence 60 s here.
        var builder = Host.CreateApplicationBuilder([$"--Cluster:ClusterId={PingSilo.ClusterId}", $"--Cluster:Gateway=127.0.0.1:{gatewayPort}", "--Cluster:ResponseTimeout=00:01:00"]);
        builder.Logging.ClearProviders();
        builder.AddCineSyncClusterClient();
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        await InSiloAsync(grains, silo);
        await OverGatewayAsync(grains, silo);
        await host.StopAsync();
        silo.Input.Close();
        await silo.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Drivers in the silo, each with many calls in flight to ping grains of the same silo.</summary>
    private static async Task InSiloAsync(IGrainFactory grains, ChildProcess silo)
    {
        const int drivers = 4;
        const int concurrency = 50;
        const int targets = 250;
        Task<PingRun[]> RunAll(TimeSpan duration) =>
            Task.WhenAll(Enumerable.Range(0, drivers).Select(d => grains.GetGrain<IPingDriverGrain>(d).RunAsync(concurrency, targets, duration)));

        await RunAll(Warmup);
        var cpuBefore = silo.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var runs = await RunAll(Duration);
        var elapsed = clock.Elapsed;
        var cpu = silo.TotalProcessorTime - cpuBefore;
        var calls = runs.Sum(r => r.Calls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ping in-silo (grain → grain in one silo, {drivers} drivers × {concurrency} in flight): {calls} calls in {elapsed.TotalSeconds:0.0} s = {calls / elapsed.TotalSeconds:0} calls/s; " +
            $"silo CPU {cpu.TotalSeconds:0.00} s → {calls / cpu.TotalSeconds:0} calls per CPU-second; {LatencyHistogram.Summary(LatencyHistogram.Merge(runs.Select(r => r.Histogram)))}"));
    }

    /// <summary>Closed-loop workers in this process calling ping grains through the gateway.</summary>
    private static async Task OverGatewayAsync(IGrainFactory grains, ChildProcess silo)
    {
        const int workers = 100;
        const int targets = 1000;
        async Task<(long Calls, long[] Histogram)> Worker(int worker, TimeSpan duration)
        {
            var histogram = new LatencyHistogram();
            var calls = 0L;
            var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            for (var i = worker; Stopwatch.GetTimestamp() < end; i += workers)
            {
                var start = Stopwatch.GetTimestamp();
                await grains.GetGrain<IPingGrain>(1_000_000 + (i % targets)).PingAsync(i).ConfigureAwait(false);
                histogram.Record(start);
                calls++;
            }

            return (calls, histogram.Counts);
        }

        Task<(long Calls, long[] Histogram)[]> RunAll(TimeSpan duration) =>
            Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w, duration))));

        await RunAll(Warmup);
        using var self = Process.GetCurrentProcess();
        var siloBefore = silo.TotalProcessorTime;
        var clientBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var results = await RunAll(Duration);
        var elapsed = clock.Elapsed;
        self.Refresh();
        var siloCpu = silo.TotalProcessorTime - siloBefore;
        var clientCpu = self.TotalProcessorTime - clientBefore;
        var calls = results.Sum(r => r.Calls);
        var both = siloCpu + clientCpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ping client over TCP (bot's cluster client → gateway, {workers} workers): {calls} calls in {elapsed.TotalSeconds:0.0} s = {calls / elapsed.TotalSeconds:0} calls/s; " +
            $"CPU client {clientCpu.TotalSeconds:0.00} s + silo {siloCpu.TotalSeconds:0.00} s → {calls / both.TotalSeconds:0} calls per CPU-second ({calls / siloCpu.TotalSeconds:0} per silo CPU-second); " +
            $"{LatencyHistogram.Summary(LatencyHistogram.Merge(results.Select(r => r.Histogram)))}"));
    }
}
