using System.Collections.Concurrent;

namespace CineSync.Runtime.Tests.Grains;

/// <summary>What test grains report back to the test (registered per silo, so tests stay independent).</summary>
public sealed class TestProbe
{
    private int _concurrent;

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, int> Activations { get; } = new();

    public ConcurrentDictionary<string, int> Deactivations { get; } = new();

    public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int MaxConcurrent { get; private set; }

    public int Concurrent => Volatile.Read(ref _concurrent);

    public Func<string, Task>? OnActivate { get; set; }

    public TaskCompletionSource<DeactivationReason> Deactivated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _concurrent);
        lock (this)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, now);
        }
    }

    public void Exit() => Interlocked.Decrement(ref _concurrent);

    public void Activated(string id) => Activations.AddOrUpdate(id, 1, (_, n) => n + 1);
}
