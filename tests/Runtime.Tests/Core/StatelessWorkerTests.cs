using CineSync.Runtime.Tests.Grains;

namespace CineSync.Runtime.Tests.Core;

public sealed class StatelessWorkerTests
{
    [Fact]
    public async Task A_stateless_worker_grows_under_load_but_never_beyond_its_maximum()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var worker = silo.GrainFactory.GetGrain<IWorkerGrain>(0);

        Assert.Equal(1, await WithOpenGate(probe, () => worker.Work()));
        probe.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 10).Select(_ => worker.Work()).ToList();
        await LifecycleTests.WaitUntil(() => probe.Concurrent == 3);
        Assert.Equal(3, probe.Activations.Count);
        probe.Gate.SetResult();
        await Task.WhenAll(calls).WaitAsync(Silo.Patience);

        Assert.Equal(3, probe.MaxConcurrent);
        Assert.Equal(3, probe.Activations.Count);
    }

    private static Task<int> WithOpenGate(TestProbe probe, Func<Task<int>> call)
    {
        probe.Gate.TrySetResult();
        return call();
    }
}
