using System.Collections.Concurrent;
using System.Diagnostics;
using CineSync.Runtime.TestSiloApp;

namespace CineSync.Runtime.Bench;

/// <summary>Two-process cross-silo throughput, and failover figures after a SIGKILL (default membership settings).</summary>
internal static class ClusterBench
{
    public static async Task RunCrossSiloAsync(TimeSpan duration, int concurrency)
    {
        await using var cluster = await SiloProcesses.StartAsync(("front", "front"), ("back", "back"));
        var load = cluster.Client.GetGrain<IFrontLoadGrain>(0);
        await load.Run(1000, concurrency); // warm-up
        var result = await load.Run((int)duration.TotalMilliseconds, concurrency);
        Console.WriteLine($"cross-silo  front→back grain calls, {concurrency} concurrent: {result.Calls / result.Seconds:N0} calls/s, p50 {result.P50Microseconds:N0} µs, p99 {result.P99Microseconds:N0} µs (caller in silo {result.Silo}, callees in silo {result.CalleeSilo})");
    }

    public static async Task RunFailoverAsync()
    {
        await using var cluster = await SiloProcesses.StartAsync(("silo0", string.Empty), ("silo1", "model"), ("silo2", string.Empty));
        var client = cluster.Client;
        var victim = "silo2";
        var keys = Enumerable.Range(0, 48).ToArray();
        var victimKeys = new List<int>();
        foreach (var key in keys)
        {
            if (await client.GetGrain<IAckJournalGrain>(key).Where() == victim)
            {
                victimKeys.Add(key);
            }
        }

        var acknowledged = new ConcurrentDictionary<int, ConcurrentBag<int>>();
        var failures = new ConcurrentBag<(TimeSpan At, Exception Error)>();
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.MaxValue;
        using var stop = new CancellationTokenSource();
        var writers = keys.Select(key => Task.Run(async () =>
        {
            var grain = client.GetGrain<IAckJournalGrain>(key);
            for (var value = 0; !stop.IsCancellationRequested; value++)
            {
                var started = clock.Elapsed;
                try
                {
                    await grain.Append(value);
                    acknowledged.GetOrAdd(key, _ => []).Add(value);
                }
#pragma warning disable CA1031 // counted and reported
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failures.Add((clock.Elapsed - started, exception));
                    await Task.Delay(20);
                }
            }
        })).ToList();

        await Task.Delay(1000);
        killedAt = clock.Elapsed;
        cluster.Kill(victim);
        TimeSpan? declaredDead = null;
        TimeSpan? answered = null;
        var probe = client.GetGrain<IAckJournalGrain>(victimKeys[0]);
        while (clock.Elapsed - killedAt < TimeSpan.FromSeconds(20) && (declaredDead is null || answered is null))
        {
            if (declaredDead is null && await cluster.IsDeclaredDeadAsync(victim))
            {
                declaredDead = clock.Elapsed - killedAt;
            }

            if (answered is null)
            {
                try
                {
                    await probe.Where();
                    answered = clock.Elapsed - killedAt;
                }
                catch (SiloUnavailableException)
                {
                }
            }

            await Task.Delay(25);
        }

        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var lost = 0;
        foreach (var (key, values) in acknowledged)
        {
            var saved = (await client.GetGrain<IAckJournalGrain>(key).Saved()).ToHashSet();
            lost += values.Count(v => !saved.Contains(v));
        }

        Console.WriteLine($"failover    3 silo processes, {keys.Length} grains written continuously, SIGKILL {victim} (hosting {victimKeys.Count} of them)");
        Console.WriteLine($"            declared dead in the table after {declaredDead?.TotalSeconds:N1} s; moved grains answered after {answered?.TotalSeconds:N1} s");
        Console.WriteLine($"            {failures.Count} calls failed in the window ({string.Join(", ", failures.GroupBy(f => f.Error.GetType().Name).Select(g => $"{g.Key}: {g.Count()}"))}), slowest failure took {(failures.IsEmpty ? 0 : failures.Max(f => f.At.TotalMilliseconds)):N0} ms");
        Console.WriteLine($"            {acknowledged.Values.Sum(v => v.Count):N0} writes acknowledged, {lost} lost");
    }
}
