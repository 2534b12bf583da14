using System.Diagnostics;
using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>Running one call as a turn and completing it.</summary>
internal sealed partial class Activation
{
    private void StartTurn(Invokable call)
    {
        if (call.ResponseSink is not GrainTimer)
        {
            var stats = ClassInfo.GetStats(call.Method);
            if (_runtime.Metrics.ShouldMeasure(stats, stats.Calls.Increment(), _runtime.Clock.Tick))
            {
                call.StartTimestamp = Stopwatch.GetTimestamp();
            }
        }

        _ = RunTurnAsync(call);
    }

    private async Task RunTurnAsync(Invokable call)
    {
        try
        {
            if (_runtime.Filters.Length > 0 || ClassInfo.IsCallFilter)
            {
                await new IncomingCallContext(this, call, _grain!, _runtime.Filters).Invoke().ConfigureAwait(false);
            }
            else
            {
                await call.InvokeAsync(_grain!).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // the grain's exception is the call's result
        catch (Exception exception)
#pragma warning restore CA1031
        {
            call.Exception = exception;
        }

        OnTurnCompleted(call);
    }

    /// <summary>
    /// The chain id for calls grain code makes now: that of the running call (given one on first use). When
    /// several calls interleave, the first one's chain is used: calls then enter more readily, never less.
    /// </summary>
    public long CurrentChainId()
    {
        var running = _running ?? (_runningMore is { Count: > 0 } more ? more[0] : null);
        if (running is null)
        {
            return 0;
        }

        if (running.ChainId == 0)
        {
            running.ChainId = CallChain.NewId();
        }

        return running.ChainId;
    }

    private void OnTurnCompleted(Invokable call)
    {
        bool schedule;
        var isTimer = call.ResponseSink is GrainTimer;
        lock (_pending)
        {
            RemoveRunning(call);
            if (!isTimer)
            {
                // Timer ticks do not keep an activation alive.
                LastActiveTick = _runtime.Clock.Tick;
            }

            schedule = !_scheduled && HasWork();
            _scheduled |= schedule;
        }

        if (!isTimer)
        {
            var stats = ClassInfo.GetStats(call.Method);
            if (call.Exception is not null)
            {
                stats.Errors.Increment();

                // Another activation wrote the state since this one read it (a duplicate during a membership
                // change): drop this copy so the next call reloads the stored state instead of failing forever.
                if (call.Exception is InconsistentStateException)
                {
                    _ = DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "Its persisted state changed under it (InconsistentStateException)."));
                }
            }

            if (call.StartTimestamp != 0)
            {
                _runtime.Metrics.RecordDuration(stats, call.StartTimestamp);
            }
        }

        // The caller's continuation may run inline here: it must not see this grain's context.
        CompleteOutsideContext(call);
        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    private static void CompleteOutsideContext(Invokable call)
    {
        var context = SynchronizationContext.Current;
        if (context is null)
        {
            call.TryComplete();
            return;
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            call.TryComplete();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private static void FailOutsideContext(IEnumerable<Invokable> calls, Func<Invokable, Exception> error)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            foreach (var call in calls)
            {
                call.TryFail(error(call));
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
