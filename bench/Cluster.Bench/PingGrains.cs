using System.Diagnostics;

namespace CineSync.Cluster.Bench;

/// <summary>The trivial grain the ping scenario calls: one integer in, one out.</summary>
[Alias("bench.PingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<int> PingAsync(int value);
}

/// <summary>Calls ping grains of its own silo, many calls at once, for a while (the in-silo figure).</summary>
[Alias("bench.PingDriverGrain")]
public interface IPingDriverGrain : IGrainWithIntegerKey
{
    /// <summary>Runs <paramref name="concurrency"/> loops over <paramref name="targets"/> ping grains for <paramref name="duration"/>.</summary>
    [Alias("Run")]
    Task<PingRun> RunAsync(int concurrency, int targets, TimeSpan duration);
}

/// <summary>How many calls a driver made, and their latencies as <see cref="LatencyHistogram"/> counts.</summary>
[GenerateSerializer, Immutable, Alias("bench.PingRun")]
public sealed record PingRun([property: Id(0)] long Calls, [property: Id(1)] long[] Histogram);

internal sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}

internal sealed class PingDriverGrain : Grain, IPingDriverGrain
{
    public async Task<PingRun> RunAsync(int concurrency, int targets, TimeSpan duration)
    {
        var histogram = new LatencyHistogram();
        var calls = 0L;
        var firstTarget = this.GetPrimaryKeyLong() * targets;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        // Every continuation runs on this activation's turn, one at a time: the counters need no locks.
        async Task LoopAsync(int loop)
        {
            for (var i = loop; Stopwatch.GetTimestamp() < end; i += concurrency)
            {
                var start = Stopwatch.GetTimestamp();
                await GrainFactory.GetGrain<IPingGrain>(firstTarget + (i % targets)).PingAsync(i);
                histogram.Record(start);
                calls++;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(LoopAsync));
        return new PingRun(calls, histogram.Counts);
    }
}
