using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>The turn loop: continuations first, then the next call that may start.</summary>
internal sealed partial class Activation : IThreadPoolWorkItem
{
    // Inline execution nests callee turns in the caller's stack; bound the depth.
    private const int MaxInlineDepth = 4;

    // Steps one Run executes before yielding the thread, so a busy grain cannot starve its caller.
    private const int RunBudget = 256;

    [ThreadStatic]
    private static int t_inlineDepth;

    private enum Step
    {
        Idle,
        Work,
        Turn,
        Activate,
        Deactivate,
    }

    void IThreadPoolWorkItem.Execute() => Run();

    private void Schedule(bool allowInline)
    {
        if (allowInline && t_inlineDepth < MaxInlineDepth && _runtime.AllowInlineTurns)
        {
            t_inlineDepth++;
            try
            {
                Run();
            }
            finally
            {
                t_inlineDepth--;
            }
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    private void Run()
    {
        var previous = SynchronizationContext.Current;
        var context = _context ??= new ActivationSynchronizationContext(this);
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            for (var budget = RunBudget; ; budget--)
            {
                Step step;
                WorkItem work = default;
                Invokable? call = null;
                lock (_pending)
                {
                    step = budget > 0 ? NextStep(out work, out call) : Step.Idle;
                    if (step == Step.Idle)
                    {
                        if (budget > 0 || !HasWork())
                        {
                            _scheduled = false;
                            return;
                        }

                        // Out of budget with work left: keep _scheduled and continue on the thread pool.
                        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                        return;
                    }
                }

                switch (step)
                {
                    case Step.Work:
                        RunWorkItem(work);
                        break;
                    case Step.Turn:
                        StartTurn(call!);
                        break;
                    case Step.Activate:
                        _ = ActivateAsync();
                        break;
                    case Step.Deactivate:
                        _ = DeactivateCoreAsync();
                        break;
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void RunWorkItem(WorkItem work)
    {
        try
        {
            work.Invoke();
        }
#pragma warning disable CA1031 // a faulty continuation must not kill the activation's loop
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _runtime.Log.ContinuationFailed(exception, GrainId);
        }
    }

    private bool HasWork() => _work is { Count: > 0 } || _pending.Count > 0 || _deactivation is not null;

    private Step NextStep(out WorkItem work, out Invokable? call)
    {
        call = null;
        if (_work is { Count: > 0 })
        {
            work = _work.Dequeue();
            return Step.Work;
        }

        work = default;
        switch (_state)
        {
            case ActivationState.Created when _deactivation is not null:
                _state = ActivationState.Deactivating;
                return Step.Deactivate;
            case ActivationState.Created:
                _state = ActivationState.Activating;
                return Step.Activate;
            case ActivationState.Valid:
                break;
            default:
                return Step.Idle;
        }

        var draining = _deactivation is { ReasonCode: DeactivationReasonCode.ShuttingDown } && _pending.Count > 0;
        if (_deactivation is not null && !draining)
        {
            if (_runningCount > 0)
            {
                return Step.Idle;
            }

            _state = ActivationState.Deactivating;
            return Step.Deactivate;
        }

        for (var i = 0; i < _pending.Count; i++)
        {
            var candidate = _pending[i];
            if (candidate.IsCompleted)
            {
                // Timed out while waiting: the caller has moved on.
                _pending.RemoveAt(i--);
                continue;
            }

            if (CanStart(candidate))
            {
                _pending.RemoveAt(i);
                AddRunning(candidate);
                call = candidate;
                return Step.Turn;
            }
        }

        return Step.Idle;
    }

    private bool CanStart(Invokable call)
    {
        if (_runningCount == 0 || ClassInfo.IsReentrant || call.Method.IsAlwaysInterleave)
        {
            return true;
        }

        var chain = call.ChainId;
        var allReadOnly = true;
        var onChain = false;
        if (_running is { } first)
        {
            Inspect(first, chain, ref allReadOnly, ref onChain);
        }

        if (_runningMore is not null)
        {
            foreach (var running in _runningMore)
            {
                Inspect(running, chain, ref allReadOnly, ref onChain);
            }
        }

        return onChain || (call.Method.IsReadOnly && allReadOnly);
    }

    private static void Inspect(Invokable running, long chain, ref bool allReadOnly, ref bool onChain)
    {
        allReadOnly &= running.Method.IsReadOnly;
        onChain |= chain != 0 && running.ChainId == chain;
    }

    private void AddRunning(Invokable call)
    {
        _runningCount++;
        if (_running is null)
        {
            _running = call;
        }
        else
        {
            (_runningMore ??= []).Add(call);
        }
    }

    private void RemoveRunning(Invokable call)
    {
        _runningCount--;
        if (ReferenceEquals(_running, call))
        {
            _running = null;
        }
        else
        {
            _runningMore?.Remove(call);
        }
    }
}
