namespace CineSync.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }
}

[GrainType("counter")]
public sealed class CounterGrain(TestProbe probe, [PersistentState("count")] IPersistentState<CounterState> saved) : Grain, ICounterGrain
{
    private int _count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated(IdentityString);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivations.AddOrUpdate(IdentityString, 1, (_, n) => n + 1);
        probe.Deactivated.TrySetResult(reason);
        return Task.CompletedTask;
    }

    public async Task Increment()
    {
        // Read, yield, write: loses updates if two turns ever interleave.
        var value = _count;
        await Task.Yield();
        await Task.Delay(0);
        _count = value + 1;
    }

    public Task<int> Get() => Task.FromResult(_count);

    public async Task<int> IncrementAndSave()
    {
        saved.State.Value++;
        await saved.WriteStateAsync();
        return saved.State.Value;
    }

    public Task<int> GetSaved() => Task.FromResult(saved.State.Value);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public sealed class EchoGrain(TestProbe probe) : Grain, IEchoGrain
{
    public ValueTask<string> Echo(string text) => ValueTask.FromResult($"{this.GetPrimaryKeyString()}:{text}");

    public Task<Note> Describe(Note note, float[] weights, Guid id, DateTimeOffset at, int? maybe) =>
        Task.FromResult(note with { Title = $"{note.Title}|{weights.Sum()}|{id}|{at:O}|{maybe?.ToString() ?? "null"}", Stars = note.Stars + 1 });

    public async Task Fail(string message)
    {
        await Task.Yield();
        throw new ArgumentOutOfRangeException(nameof(message), message);
    }

    public async Task<int> WaitForGate()
    {
        await probe.Gate.Task;
        return 42;
    }

    public ValueTask Ping() => ValueTask.CompletedTask;
}

public sealed class GatedGrain(TestProbe probe) : Grain, IGatedGrain
{
    public Task<int> Enter() => Gated();

    public Task<int> Read() => Gated();

    public Task<int> Write() => Gated();

    public Task<string> Status() => Task.FromResult($"inside={probe.Concurrent}");

    private async Task<int> Gated()
    {
        probe.Enter();
        probe.Events.Enqueue("enter");
        try
        {
            await probe.Gate.Task;
            return probe.MaxConcurrent;
        }
        finally
        {
            probe.Exit();
        }
    }
}

[Reentrant]
public sealed class ReentrantGrain(TestProbe probe) : Grain, IReentrantGrain
{
    private int _threadsInside;

    public async Task<int> Enter()
    {
        probe.Enter();
        probe.Events.Enqueue("enter");
        try
        {
            // Interleaving is allowed at awaits, parallel execution never is.
            if (Interlocked.Increment(ref _threadsInside) > 1)
            {
                throw new InvalidOperationException("Two turns ran in parallel.");
            }

            Interlocked.Decrement(ref _threadsInside);
            await probe.Gate.Task;
            return probe.MaxConcurrent;
        }
        finally
        {
            probe.Exit();
        }
    }
}

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<string> CallOther(long otherKey) =>
        GrainFactory.GetGrain<IChainGrain>(otherKey).CallBack(this.GetPrimaryKeyLong());

    public async Task<string> CallBack(long originKey)
    {
        var origin = await GrainFactory.GetGrain<IChainGrain>(originKey).Name();
        return $"{this.GetPrimaryKeyLong()} saw {origin}";
    }

    public Task<string> Name() => Task.FromResult($"grain-{this.GetPrimaryKeyLong()}");
}

public sealed class FailingActivationGrain(TestProbe probe) : Grain, IFailingActivationGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated(IdentityString);
        if (probe.OnActivate is { } hook)
        {
            await hook(IdentityString);
        }
    }

    public Task<string> Hello() => Task.FromResult("hello");
}

[StatelessWorker(3)]
public sealed class WorkerGrain(TestProbe probe) : Grain, IWorkerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated(Guid.NewGuid().ToString());
        return Task.CompletedTask;
    }

    public async Task<int> Work()
    {
        probe.Enter();
        try
        {
            await probe.Gate.Task;
            return probe.Activations.Count;
        }
        finally
        {
            probe.Exit();
        }
    }
}

public sealed class TimerGrain(TestProbe probe) : Grain, ITimerGrain
{
    private int _ticks;
    private bool _inTick;

    public Task Start(TimeSpan period)
    {
        RegisterGrainTimer(async ct =>
        {
            if (_inTick)
            {
                throw new InvalidOperationException("Timer tick interleaved.");
            }

            _inTick = true;
            await Task.Yield();
            _ticks++;
            _inTick = false;
            probe.Events.Enqueue("tick");
        }, period, period);
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task Stop()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivated.TrySetResult(reason);
        return Task.CompletedTask;
    }
}

public sealed class FilteredGrain(TestProbe probe) : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<int> Add(int a, int b) => Task.FromResult(a + b);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Events.Enqueue($"grain-filter:{context.MethodName}");
        await context.Invoke();
    }
}

public sealed class RecordingFilter(TestProbe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Events.Enqueue($"before:{context.InterfaceType.Name}.{context.MethodName}({string.Join(",", Enumerable.Range(0, context.ArgumentCount).Select(context.GetArgument))})");
        await context.Invoke();
        probe.Events.Enqueue($"after:{context.Result}");
    }
}

[RequiredRole("model")]
[StatelessWorker]
public sealed class ModelOnlyGrain : Grain, IModelOnlyGrain
{
    public Task<double> Score() => Task.FromResult(1.5);
}
