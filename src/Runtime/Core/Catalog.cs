using System.Collections.Concurrent;
using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>
/// The silo's activations by grain id: a call to a grain with no activation creates one (exactly one,
/// however many first calls race), and stateless worker groups by worker id.
/// </summary>
internal sealed class Catalog(SiloRuntime runtime) : IActivationOwner
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();

    public int Count => _activations.Count;

    public IEnumerable<Activation> All => _activations.Values.Concat(_workers.Values.SelectMany(g => g.Snapshot()));

    /// <summary>Delivers a call to its grain's activation, creating it if needed.</summary>
    public void Dispatch(Invokable call, bool allowInline)
    {
        if (call.Caller?.RouteCache is Activation cached)
        {
            cached.Enqueue(call, allowInline);
            return;
        }

        if (call.Caller?.RouteCache is StatelessWorkerGroup cachedGroup)
        {
            cachedGroup.Enqueue(call, allowInline);
            return;
        }

        DispatchUncached(call, allowInline);
    }

    public void Redispatch(Invokable call) => DispatchUncached(call, allowInline: false);

    public void OnDeactivated(Activation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.GrainId, activation));

    public void CheckTimeouts(int tick, int timeoutTicks)
    {
        foreach (var activation in All)
        {
            activation.CheckTimeouts(tick, timeoutTicks);
        }
    }

    public void CollectIdle(int tick, int idleTicks)
    {
        foreach (var activation in All)
        {
            if (activation.IsIdle && tick - activation.LastActiveTick >= idleTicks)
            {
                _ = activation.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.IdleCollection, "Idle longer than the collection age."));
            }
        }
    }

    public async Task DeactivateAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, $"Silo {runtime.SiloName} is shutting down.");
        var pending = All.Select(a => a.DeactivateAsync(reason)).ToList();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await Task.WhenAll(pending).WaitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            runtime.Log.ShutdownIncomplete(pending.Count(t => !t.IsCompleted));
        }
    }

    private void DispatchUncached(Invokable call, bool allowInline)
    {
        GrainClassInfo classInfo;
        try
        {
            classInfo = runtime.Types.Resolve(call.Method.Interface);
        }
#pragma warning disable CA1031 // the caller receives the failure
        catch (Exception exception)
#pragma warning restore CA1031
        {
            call.TryFail(exception);
            return;
        }

        var id = new GrainId(classInfo.GrainType, call.TargetKey);
        if (classInfo.IsStatelessWorker)
        {
            var group = _workers.GetOrAdd(id, static (id, state) => new StatelessWorkerGroup(state.runtime, state.classInfo, id.Key), (runtime, classInfo));
            if (call.Caller is { } workerCaller)
            {
                workerCaller.RouteCache = group;
            }

            group.Enqueue(call, allowInline);
            return;
        }

        if (!_activations.TryGetValue(id, out var activation))
        {
            if (runtime.IsStopping)
            {
                call.TryFail(new SiloUnavailableException($"Silo {runtime.SiloName} is shutting down; {id} cannot activate."));
                return;
            }

            activation = _activations.GetOrAdd(id, static (id, state) => new Activation(state.runtime, state.classInfo, id.Key, state.catalog), (runtime, classInfo, catalog: this));
        }

        if (call.Caller is { } caller)
        {
            caller.RouteCache = activation;
        }

        activation.Enqueue(call, allowInline);
    }
}
