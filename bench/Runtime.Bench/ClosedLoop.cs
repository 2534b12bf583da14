using System.Diagnostics;

namespace CineSync.Runtime.Bench;

internal static class ClosedLoop
{
    /// <summary>
    /// Runs <paramref name="workers"/> workers, each awaiting sequential pings to its own grain; returns calls per
    /// wall-clock second and per CPU-second of this process (steadier on a machine other processes load).
    /// </summary>
    public static async Task<(double PerSecond, double PerCpuSecond)> MeasureAsync(Func<long, IPingGrain> grainOf, int workers, TimeSpan duration)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var rate = await RunAsync(grainOf, workers, duration);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (rate, rate * elapsed / cpuSeconds);
    }

    /// <summary>Runs <paramref name="workers"/> workers, each awaiting sequential pings to its own grain; returns calls/s.</summary>
    public static async Task<double> RunAsync(Func<long, IPingGrain> grainOf, int workers, TimeSpan duration)
    {
        var stop = false;
        var counts = new long[workers];
        var stopwatch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var grain = grainOf(w);
            long n = 0;
            while (!Volatile.Read(ref stop))
            {
                for (var i = 0; i < 64; i++)
                {
                    await grain.Ping();
                }

                n += 64;

                // Let the other workers run: sequential calls that complete inline never yield on their own.
                await Task.Yield();
            }

            counts[w] = n;
        })).ToList();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        return counts.Sum() / stopwatch.Elapsed.TotalSeconds;
    }
}
