using System.Collections.Concurrent;
using CineSync.Runtime.Cluster;
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
    public void Dispatch(Invokable call, bool allowInline) => Dispatch(call, allowInline, 0);

    /// <summary>Delivers a call that has already been forwarded <paramref name="hops"/> times between silos.</summary>
    public void Dispatch(Invokable call, bool allowInline, byte hops)
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

        if (call.Caller?.RouteCache is RemoteRoute route && route.ViewVersion == runtime.Cluster?.Membership.ViewVersion)
        {
            route.Link.Send(call, 1);
            return;
        }

        DispatchUncached(call, allowInline, hops);
    }

    public void Redispatch(Invokable call) => DispatchUncached(call, allowInline: false, 0);

    /// <summary>The cluster view changed: deactivate (and so persist) grains another silo owns now.</summary>
    public void OnPlacementChanged()
    {
        if (runtime.Cluster is not { } cluster)
        {
            return;
        }

        foreach (var activation in _activations.Values)
        {
            if (!cluster.Owns(activation.ClassInfo, activation.GrainId))
            {
                _ = activation.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "Another silo owns the grain after a membership change."));
            }
        }
    }

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

    private void DispatchUncached(Invokable call, bool allowInline, byte hops)
    {
        GrainClassInfo classInfo;
        try
        {
            classInfo = runtime.Types.ResolveForPlacement(call.Method.Interface, runtime.Cluster is not null, out var hostedHere);
            if (runtime.Cluster is { } cluster && TryForward(cluster, call, classInfo, hostedHere, hops))
            {
                return;
            }
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

    private bool TryForward(SiloCluster cluster, Invokable call, GrainClassInfo classInfo, bool hostedHere, byte hops)
    {
        var id = new GrainId(classInfo.GrainType, call.TargetKey);

        // A live local activation serves its calls until a view change deactivates it (its queued calls then move).
        if (!classInfo.IsStatelessWorker && _activations.ContainsKey(id))
        {
            return false;
        }

        if (cluster.Place(classInfo, hostedHere, id, call.Method.Interface) is not { } link)
        {
            return false;
        }

        if (hops >= SiloCluster.MaxHops)
        {
            // Silos disagree on the owner (a view change in progress): place again once views had time to converge.
            // The call's response timeout still bounds the wait.
            _ = PlaceLaterAsync(call);
            return true;
        }

        if (call.Caller is { } caller)
        {
            caller.RouteCache = new RemoteRoute(cluster.Membership.ViewVersion, link);
        }

        link.Send(call, (byte)(hops + 1));
        return true;
    }

    private async Task PlaceLaterAsync(Invokable call)
    {
        await Task.Delay(runtime.Options.HeartbeatPeriod, runtime.TimeProvider).ConfigureAwait(false);
        DispatchUncached(call, allowInline: false, hops: 1);
    }
}
