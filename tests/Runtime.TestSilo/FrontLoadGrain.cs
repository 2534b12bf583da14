using System.Diagnostics;

namespace CineSync.Runtime.TestSiloApp;

[GrainType("front-load")]
[RequiredRole("front")]
[Reentrant]
internal sealed class FrontLoadGrain(SiloIdentity silo) : Grain, IFrontLoadGrain
{
    public async Task<LoadResult> Run(int milliseconds, int concurrency)
    {
        var factory = GrainFactory;
        var callee = await factory.GetGrain<IBackPingGrain>(0).Where();
        var until = Stopwatch.GetTimestamp() + (long)(milliseconds / 1000.0 * Stopwatch.Frequency);
        var samples = new List<long>[concurrency];
        var counts = new long[concurrency];
        var started = Stopwatch.GetTimestamp();

        // Closed loops off the grain's turn (thread pool), each on its own callee, so calls are truly concurrent.
        var loops = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var target = factory.GetGrain<IBackPingGrain>(i);
            var mine = samples[i] = new List<long>(1 << 16);
            var n = 0L;
            while (Stopwatch.GetTimestamp() < until)
            {
                var t0 = Stopwatch.GetTimestamp();
                await target.Ping(1).ConfigureAwait(false);
                if ((n++ & 15) == 0)
                {
                    mine.Add(Stopwatch.GetTimestamp() - t0);
                }
            }

            counts[i] = n;
        })).ToArray();
        await Task.WhenAll(loops);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = samples.SelectMany(s => s).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1_000_000.0 / Stopwatch.Frequency;
        return new LoadResult(counts.Sum(), seconds, Percentile(0.50), Percentile(0.99), silo.Name, callee);
    }
}
