using CineSync.Runtime.Tests.Grains;

namespace CineSync.Runtime.Tests.Core;

public sealed class TurnTests
{
    [Fact]
    public async Task A_non_reentrant_grain_never_loses_an_update_made_across_awaits()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(1);

        await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => Task.Run(() => counter.Increment())));

        Assert.Equal(300, await counter.Get());
    }

    [Fact]
    public async Task A_non_reentrant_grain_runs_one_call_at_a_time()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IGatedGrain>(1);

        var first = grain.Write();
        var second = grain.Enter();
        Assert.Single(probe.Events);
        probe.Gate.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(1, await second);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_calls_at_awaits()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IReentrantGrain>(1);

        var calls = Enumerable.Range(0, 3).Select(_ => grain.Enter()).ToList();
        Assert.Equal(3, probe.Events.Count);
        probe.Gate.SetResult();

        Assert.All(await Task.WhenAll(calls), max => Assert.Equal(3, max));
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_writes()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IGatedGrain>(2);

        var reads = new[] { grain.Read(), grain.Read() };
        var write = grain.Write();
        Assert.Equal(2, probe.Events.Count);
        probe.Gate.SetResult();

        Assert.All(await Task.WhenAll(reads), max => Assert.Equal(2, max));
        Assert.Equal(2, await write);
        Assert.Equal(3, probe.Events.Count);
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_call_waits()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IGatedGrain>(3);

        var busy = grain.Write();
        Assert.Equal("inside=1", await grain.Status().WaitAsync(Silo.Patience));
        probe.Gate.SetResult();
        await busy;
    }

    [Fact]
    public async Task A_call_chain_that_comes_back_to_a_busy_grain_does_not_deadlock()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        var result = await silo.GrainFactory.GetGrain<IChainGrain>(1).CallOther(2).WaitAsync(Silo.Patience);

        Assert.Equal("2 saw grain-1", result);
    }

    [Fact]
    public async Task A_call_chain_from_a_client_over_tcp_does_not_deadlock()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        var result = await silo.Client.GetGrain<IChainGrain>(5).CallOther(6).WaitAsync(Silo.Patience);

        Assert.Equal("6 saw grain-5", result);
    }
}
