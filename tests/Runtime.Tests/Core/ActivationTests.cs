using CineSync.Runtime.Tests.Grains;

namespace CineSync.Runtime.Tests.Core;

public sealed class ActivationTests
{
    [Fact]
    public async Task Many_concurrent_first_calls_create_a_single_activation()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => silo.GrainFactory.GetGrain<ICounterGrain>(7).Get()));
        await Task.WhenAll(calls);

        Assert.Equal(1, Assert.Single(probe.Activations).Value);
    }

    [Fact]
    public async Task Calls_queue_while_the_grain_activates_and_then_all_run()
    {
        var probe = new TestProbe();
        var activating = new TaskCompletionSource();
        probe.OnActivate = _ => activating.Task;
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IFailingActivationGrain>(Guid.NewGuid());

        var calls = Enumerable.Range(0, 5).Select(_ => grain.Hello()).ToList();
        Assert.All(calls, c => Assert.False(c.IsCompleted));
        activating.SetResult();

        Assert.All(await Task.WhenAll(calls).WaitAsync(Silo.Patience), r => Assert.Equal("hello", r));
    }

    [Fact]
    public async Task A_failed_activation_fails_the_call_with_its_cause_and_the_next_call_activates_again()
    {
        var probe = new TestProbe();
        var fail = true;
        probe.OnActivate = _ => fail ? throw new InvalidOperationException("database is down") : Task.CompletedTask;
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IFailingActivationGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Hello());
        Assert.Equal("database is down", error.Message);

        fail = false;
        Assert.Equal("hello", await grain.Hello());
        Assert.Equal(2, Assert.Single(probe.Activations).Value);
    }

    [Fact]
    public async Task Grains_see_their_primary_keys()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        Assert.Equal("alice:hi", await silo.GrainFactory.GetGrain<IEchoGrain>("alice").Echo("hi"));
        Assert.Equal("grain-12", await silo.GrainFactory.GetGrain<IChainGrain>(12).Name());
        Assert.Equal(12, silo.GrainFactory.GetGrain<IChainGrain>(12).GetPrimaryKeyLong());
    }
}
