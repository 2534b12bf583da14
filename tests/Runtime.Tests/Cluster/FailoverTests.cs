using System.Diagnostics;

namespace CineSync.Runtime.Tests.Cluster;

public sealed class FailoverTests
{
    [Fact]
    public async Task Killing_a_silo_loses_no_acknowledged_write_and_its_grains_answer_again_within_ten_seconds()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, Clusters.Plain(3));
        var caller = cluster.Silos[0].GrainFactory;
        const int Grains = 24;
        var homes = new Dictionary<long, string>();
        for (var key = 0; key < Grains; key++)
        {
            homes[key] = await caller.GetGrain<IJournalGrain>(key).Where();
        }

        // Kill the busiest silo other than the caller's.
        var victim = cluster.Silos.Skip(1).MaxBy(s => homes.Values.Count(h => h == s.Name))!;
        var victimKeys = homes.Where(h => h.Value == victim.Name).Select(h => h.Key).ToList();
        Assert.NotEmpty(victimKeys);
        var writes = ContinuousWrites.Start(Grains, (key, value) => caller.GetGrain<IJournalGrain>(key).Append(value));

        await Task.Delay(300);
        var killedAt = Stopwatch.StartNew();
        await victim.KillAsync();
        var recovered = await WaitUntilAnswersAsync(caller.GetGrain<IJournalGrain>(victimKeys[0]), TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        await writes.StopAsync();

        Assert.True(recovered, $"Grain {victimKeys[0]} did not answer within 10 s of the kill ({killedAt.Elapsed}).");
        Assert.NotEqual(victim.Name, await caller.GetGrain<IJournalGrain>(victimKeys[0]).Where());
        Assert.Empty(await writes.FindLostAsync(key => caller.GetGrain<IJournalGrain>(key).Saved()));
        Assert.All(writes.Failures, f => Assert.True(f is SiloUnavailableException or InconsistentStateException, f.ToString()));
    }

    [Fact]
    public async Task Stopping_a_silo_gracefully_hands_its_grains_over_without_failing_calls()
    {
        var cs = await Clusters.DatabaseAsync();
        await using var cluster = await Clusters.StartAsync(cs, Clusters.Plain(3));
        var caller = cluster.Silos[0].GrainFactory;
        for (var key = 0; key < 30; key++)
        {
            await caller.GetGrain<IJournalGrain>(key).Append(1);
        }

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 30).Select(key => Task.Run(async () =>
        {
            var grain = caller.GetGrain<IJournalGrain>(key);
            var value = 2;
            for (; !stop.IsCancellationRequested; value++)
            {
                await grain.Append(value);
            }

            return value - 1;
        })).ToList();

        await Task.Delay(200);
        await cluster.Silos[2].StopAsync();
        await stop.CancelAsync();
        var last = await Task.WhenAll(writers);

        for (var key = 0; key < 30; key++)
        {
            var grain = caller.GetGrain<IJournalGrain>(key);
            Assert.NotEqual("silo2", await grain.Where());
            Assert.Equal(Enumerable.Range(1, last[key]), await grain.Saved());
        }
    }

    private static async Task<bool> WaitUntilAnswersAsync(IJournalGrain grain, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            try
            {
                await grain.Where();
                return true;
            }
            catch (SiloUnavailableException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }
}
