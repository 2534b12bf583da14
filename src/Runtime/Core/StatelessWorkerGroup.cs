using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>
/// The local activations of one stateless worker: a call goes to an idle worker, or to a new one while
/// fewer than the maximum exist, otherwise to the least loaded.
/// </summary>
internal sealed class StatelessWorkerGroup(SiloRuntime runtime, GrainClassInfo classInfo, GrainKey key) : IActivationOwner
{
    private readonly List<Activation> _workers = [];

    public Activation[] Snapshot()
    {
        lock (_workers)
        {
            return [.. _workers];
        }
    }

    public void Enqueue(Invokable call, bool allowInline)
    {
        Activation? target = null;
        lock (_workers)
        {
            foreach (var worker in _workers)
            {
                if (worker.IsIdle && !worker.IsInvalid)
                {
                    target = worker;
                    break;
                }
            }

            if (target is null && _workers.Count < classInfo.MaxLocalWorkers)
            {
                if (runtime.IsStopping)
                {
                    call.TryFail(new SiloUnavailableException($"Silo {runtime.SiloName} is shutting down."));
                    return;
                }

                target = new Activation(runtime, classInfo, key, this);
                _workers.Add(target);
            }

            target ??= _workers.MinBy(w => w.QueueLength);
        }

        target!.Enqueue(call, allowInline);
    }

    public void OnDeactivated(Activation activation)
    {
        lock (_workers)
        {
            _workers.Remove(activation);
        }
    }

    public void Redispatch(Invokable call) => Enqueue(call, allowInline: false);
}
