using CineSync.Runtime.Invocation;
using CineSync.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Runtime.Core;

/// <summary>
/// One activation of a grain: its instance, the calls waiting for a turn, and the continuations of the
/// turns in progress. All state changes happen under the lock on <see cref="_pending"/>; grain code runs
/// in <see cref="Run"/>, which one thread at a time executes.
/// </summary>
internal sealed partial class Activation : IGrainRuntimeContext, IGrainActivationContext
{
    private readonly SiloRuntime _runtime;
    private readonly IActivationOwner _owner;
    private readonly MessageQueue _pending = new();
    private Queue<WorkItem>? _work;
    private Invokable? _running;
    private List<Invokable>? _runningMore;
    private int _runningCount;
    private bool _scheduled;
    private ActivationState _state;
    private DeactivationReason? _deactivation;
    private TaskCompletionSource? _deactivated;
    private ActivationSynchronizationContext? _context;
    private Grain? _grain;
    private List<IStateLoader>? _states;
    private List<GrainTimer>? _timers;

    public Activation(SiloRuntime runtime, GrainClassInfo classInfo, GrainKey key, IActivationOwner owner)
    {
        _runtime = runtime;
        _owner = owner;
        ClassInfo = classInfo;
        GrainId = new GrainId(classInfo.GrainType, key);
    }

    public GrainClassInfo ClassInfo { get; }

    public GrainId GrainId { get; }

    /// <summary>Silo tick of the last completed turn, for idle collection.</summary>
    public int LastActiveTick { get; private set; }

    /// <summary>Whether the activation has nothing queued or running (a racy hint).</summary>
    public bool IsIdle => _pending.Count == 0 && _runningCount == 0;

    /// <summary>Calls queued or running (a racy hint for load balancing).</summary>
    public int QueueLength => _pending.Count + _runningCount;

    public bool IsInvalid => _state == ActivationState.Invalid;

    public Grain? Instance => _grain;

    IGrainFactory IGrainRuntimeContext.GrainFactory => _runtime.GrainFactory;

    IServiceProvider IGrainRuntimeContext.Services => _runtime.Services;

    /// <summary>Queues a call; runs it on this thread when the activation is idle and <paramref name="allowInline"/>.</summary>
    public void Enqueue(Invokable call, bool allowInline)
    {
        bool schedule = false;
        bool redirect;
        lock (_pending)
        {
            redirect = _state == ActivationState.Invalid;
            if (!redirect)
            {
                _pending.Enqueue(call);
                schedule = !_scheduled;
                _scheduled = true;
            }
        }

        if (redirect)
        {
            _owner.Redispatch(call);
        }
        else if (schedule)
        {
            Schedule(allowInline);
        }
    }

    public void PostWork(Delegate callback, object? state)
    {
        bool schedule;
        lock (_pending)
        {
            (_work ??= new Queue<WorkItem>()).Enqueue(new WorkItem(callback, state));
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            Schedule(allowInline: false);
        }
    }

    public void DeactivateOnIdle() => _ = DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "The grain asked to deactivate."));

    IGrainTimer IGrainRuntimeContext.RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, _runtime, callback, state);
        lock (_pending)
        {
            (_timers ??= []).Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_pending)
        {
            _timers?.Remove(timer);
        }
    }

    object IGrainActivationContext.GetRequiredService(Type serviceType) => _runtime.Services.GetRequiredService(serviceType);

    IPersistentState<TState> IGrainActivationContext.GetPersistentState<TState>(string stateName, string storageName)
    {
        var storage = _runtime.Services.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException($"Grain {ClassInfo.GrainType} wants state '{stateName}' from storage '{storageName}', which is not registered. Add it with AddMemoryGrainStorage or AddPostgresGrainStorage.");
        var state = new PersistentState<TState>(storage, new GrainStateKey(ClassInfo.GrainType, GrainId.Key.ToString(), stateName));
        (_states ??= []).Add(state);
        return state;
    }

    public override string ToString() => GrainId.ToString();
}
