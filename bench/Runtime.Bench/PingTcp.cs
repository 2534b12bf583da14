using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using CineSync.Runtime.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Runtime.Bench;

/// <summary>
/// Client process → silo process over loopback: peak throughput with closed-loop workers, then latency of an
/// open-loop load at half of that peak (latency measured from each call's scheduled send time).
/// </summary>
internal static class PingTcp
{
    public static async Task RunAsync(TimeSpan duration)
    {
        using var silo = StartSiloProcess(out var port);
        try
        {
            var services = new ServiceCollection();
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            services.AddClusterClient(o => o.Gateways.Add(new IPEndPoint(IPAddress.Loopback, port)));
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IClusterClient>();
            await client.Connect();

            double peak = 0;
            foreach (var workers in new[] { 100, 400 })
            {
                await ClosedLoop.RunAsync(client.GetGrain<IPingGrain>, workers, TimeSpan.FromSeconds(1));
                var rate = await ClosedLoop.RunAsync(client.GetGrain<IPingGrain>, workers, duration);
                Console.WriteLine($"ping-tcp closed loop, {workers} workers: {rate,10:N0} calls/s");
                peak = Math.Max(peak, rate);
            }

            // Closed loop with few workers: throughput below peak, latency of each call.
            foreach (var workers in new[] { 8, 32 })
            {
                var (rate, p50, p99) = await TimedClosedLoopAsync(client, workers, duration);
                Console.WriteLine($"ping-tcp closed loop, {workers} workers: {rate,10:N0} calls/s, p50 {p50:F3} ms, p99 {p99:F3} ms");
            }

            // Open loop at half of the measured peak, and at half of the 150,000 calls/s target.
            foreach (var rate in new[] { (int)(peak / 2), 75_000 })
            {
                var (achieved, p50, p99, max) = await OpenLoopAsync(client, rate, duration);
                Console.WriteLine($"ping-tcp open loop at {rate:N0}/s ({achieved:N0}/s achieved): p50 {p50:F3} ms, p99 {p99:F3} ms, max {max:F3} ms");
            }
        }
        finally
        {
            silo.Kill();
        }
    }

    public static async Task RunSiloAsync(int port)
    {
        using var host = await SiloHosts.StartAsync(port);
        var endpoint = (IPEndPoint)host.Services.GetRequiredService<CineSync.Runtime.Hosting.SiloHostedService>().GatewayEndPoint!;
        Console.WriteLine($"READY {endpoint.Port}");
        await host.WaitForShutdownAsync();
    }

    private static Process StartSiloProcess(out int port)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PingTcp).Assembly.Location);
        }

        start.ArgumentList.Add("silo");
        var process = Process.Start(start)!;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                port = int.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture);
                return process;
            }
        }

        throw new InvalidOperationException("The silo process exited before it was ready.");
    }

    private static async Task<(double Rate, double P50, double P99, double Max)> OpenLoopAsync(IClusterClient client, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var grains = Enumerable.Range(0, 1000).Select(i => client.GetGrain<IPingGrain>(i)).ToArray();
        var start = Stopwatch.GetTimestamp();
        var completed = new StrongBox<int>();
        const int senders = 2;

        // Dedicated sender threads: on the thread pool, the send ticks would queue behind call continuations.
        var threads = Enumerable.Range(0, senders).Select(s => new Thread(() =>
        {
            var next = s;
            while (next < total)
            {
                Thread.Sleep(1);
                var due = (int)Math.Min(total, Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
                for (; next < due; next += senders)
                {
                    // Latency counts from when the call was due, so a stalled sender cannot hide queueing.
                    var scheduled = start + (long)(next * (double)Stopwatch.Frequency / rate);
                    _ = Measure(grains[next % grains.Length], scheduled, latencies, next, completed);
                }
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Calls are not kept in a list (that would promote a million tasks through the GC generations).
        while (Volatile.Read(ref completed.Value) < total)
        {
            await Task.Delay(10);
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        return (total / elapsed, latencies[total / 2], latencies[(int)(total * 0.99)], latencies[^1]);
    }

    private static async Task<(double Rate, double P50, double P99)> TimedClosedLoopAsync(IClusterClient client, int workers, TimeSpan duration)
    {
        var stop = false;
        var samples = new List<double>[workers];
        var stopwatch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var grain = client.GetGrain<IPingGrain>(10_000 + w);
            var mine = samples[w] = new List<double>(1 << 16);
            while (!Volatile.Read(ref stop))
            {
                var begin = Stopwatch.GetTimestamp();
                await grain.Ping();
                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
        })).ToList();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        var all = samples.SelectMany(s => s).Order().ToArray();
        return (all.Length / stopwatch.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.99)]);
    }

    private static async Task Measure(IPingGrain grain, long scheduled, double[] latencies, int index, StrongBox<int> completed)
    {
        await grain.Ping();
        latencies[index] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
        Interlocked.Increment(ref completed.Value);
    }
}
