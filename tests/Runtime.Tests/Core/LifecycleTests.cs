using CineSync.Runtime.Testing;
using CineSync.Runtime.Tests.Grains;

namespace CineSync.Runtime.Tests.Core;

public sealed class LifecycleTests
{
    [Fact]
    public async Task An_idle_grain_is_deactivated_after_the_collection_age_and_reactivates_with_its_state()
    {
        var probe = new TestProbe();
        var time = new ManualTimeProvider();
        await using var silo = await Silo.StartAsync(probe, o =>
        {
            o.IdleCollectionAge = TimeSpan.FromMinutes(15);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        }, time);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(42);
        Assert.Equal(1, await counter.IncrementAndSave());
        Assert.Equal(2, await counter.IncrementAndSave());

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(probe.Deactivated.Task.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(6));

        var reason = await probe.Deactivated.Task.WaitAsync(Silo.Patience);
        Assert.Equal(DeactivationReasonCode.IdleCollection, reason.ReasonCode);
        Assert.Equal(2, await counter.GetSaved());
        Assert.Equal(2, probe.Activations["counter/42"]);
    }

    [Fact]
    public async Task A_busy_grain_is_not_collected()
    {
        var probe = new TestProbe();
        var time = new ManualTimeProvider();
        await using var silo = await Silo.StartAsync(probe, o => o.IdleCollectionAge = TimeSpan.FromMinutes(2), time);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(43);

        for (var minute = 0; minute < 5; minute++)
        {
            await counter.Increment();
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Empty(probe.Deactivations);
        Assert.Equal(5, await counter.Get());
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_turn_and_the_next_call_reactivates()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(44);
        await counter.Increment();

        await counter.Deactivate();
        var reason = await probe.Deactivated.Task.WaitAsync(Silo.Patience);

        Assert.Equal(DeactivationReasonCode.ApplicationRequested, reason.ReasonCode);
        Assert.Equal(0, await counter.Get());
        Assert.Equal(2, probe.Activations["counter/44"]);
    }

    [Fact]
    public async Task Graceful_shutdown_finishes_in_flight_turns_and_deactivates_every_grain()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var busy = silo.GrainFactory.GetGrain<IEchoGrain>("busy").WaitForGate();
        var queued = silo.GrainFactory.GetGrain<IEchoGrain>("busy").Echo("queued");
        await silo.GrainFactory.GetGrain<ICounterGrain>(45).Increment();

        var stopping = silo.StopSiloAsync();
        Assert.False(busy.IsCompleted);
        probe.Gate.SetResult();
        await stopping.WaitAsync(Silo.Patience);

        Assert.Equal(42, await busy);
        Assert.Equal("busy:queued", await queued);
        Assert.Equal(DeactivationReasonCode.ShuttingDown, (await probe.Deactivated.Task).ReasonCode);
    }

    [Fact]
    public async Task Timer_ticks_run_as_turns_and_stop_with_the_activation()
    {
        var probe = new TestProbe();
        var time = new ManualTimeProvider();
        await using var silo = await Silo.StartAsync(probe, time: time);
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>(1);
        await grain.Start(TimeSpan.FromSeconds(10));

        for (var i = 1; i <= 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));

            // A call queues behind the tick's turn: once it answers, the tick has completed.
            await WaitUntil(() => probe.Events.Count == i);
            Assert.Equal(i, await grain.Ticks());
        }

        await grain.Stop();
        await probe.Deactivated.Task.WaitAsync(Silo.Patience);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, probe.Events.Count);
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Silo.Patience);
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}
