using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>Activation, deactivation and response timeouts.</summary>
internal sealed partial class Activation
{
    /// <summary>Asks the activation to deactivate once its running turns end; completes when it has.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        bool schedule;
        Task done;
        lock (_pending)
        {
            if (_state == ActivationState.Invalid)
            {
                return Task.CompletedTask;
            }

            _deactivation ??= reason;
            done = (_deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            Schedule(allowInline: false);
        }

        return done;
    }

    private async Task ActivateAsync()
    {
        try
        {
            GrainRuntimeContext.Creating = this;
            try
            {
                _grain = ClassInfo.Registration.Factory(this);
            }
            finally
            {
                GrainRuntimeContext.Creating = null;
            }

            if (_states is not null)
            {
                foreach (var state in _states)
                {
                    // No ConfigureAwait(false): OnActivateAsync must run on this activation.
                    await state.ReadStateAsync(_runtime.StoppingToken);
                }
            }

            await _grain.OnActivateAsync(_runtime.StoppingToken);
        }
#pragma warning disable CA1031 // the failure is handed to the calls that triggered the activation
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _runtime.Log.ActivationFailed(exception, GrainId);
            List<Invokable> failed;
            lock (_pending)
            {
                _state = ActivationState.Invalid;
                failed = _pending.DrainAll();
            }

            _owner.OnDeactivated(this);
            _deactivated?.TrySetResult();
            FailOutsideContext(failed, _ => exception);
            return;
        }

        ClassInfo.OnActivated();
        lock (_pending)
        {
            _state = ActivationState.Valid;
            LastActiveTick = _runtime.Clock.Tick;
        }
    }

    private async Task DeactivateCoreAsync()
    {
        var reason = _deactivation ?? default;
        List<GrainTimer>? timers;
        lock (_pending)
        {
            timers = _timers;
            _timers = null;
        }

        timers?.ForEach(t => t.Stop());
        if (_grain is not null)
        {
            try
            {
                await _grain.OnDeactivateAsync(reason, _runtime.StoppingToken);
            }
#pragma warning disable CA1031 // a failing OnDeactivateAsync must not keep the activation alive
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _runtime.Log.DeactivationFailed(exception, GrainId);
            }

            ClassInfo.OnDeactivated();
        }

        List<Invokable> leftovers;
        lock (_pending)
        {
            _state = ActivationState.Invalid;
            leftovers = _pending.DrainAll();
        }

        _owner.OnDeactivated(this);
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            FailOutsideContext(leftovers, _ => new SiloUnavailableException($"Silo {_runtime.SiloName} is shutting down."));
        }
        else
        {
            // Calls that arrived during deactivation go to the next activation.
            foreach (var call in leftovers)
            {
                _owner.Redispatch(call);
            }
        }

        _deactivated?.TrySetResult();
    }

    /// <summary>Fails local calls that waited or ran longer than the response timeout.</summary>
    public void CheckTimeouts(int now, int timeoutTicks)
    {
        if (IsIdle)
        {
            return;
        }

        List<(Invokable Call, int Sequence)>? expired = null;
        lock (_pending)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                Collect(_pending[i], now, timeoutTicks, ref expired);
            }

            if (_running is { } first)
            {
                Collect(first, now, timeoutTicks, ref expired);
            }

            if (_runningMore is not null)
            {
                foreach (var running in _runningMore)
                {
                    Collect(running, now, timeoutTicks, ref expired);
                }
            }
        }

        if (expired is null)
        {
            return;
        }

        foreach (var (call, sequence) in expired)
        {
            call.TryFail(new TimeoutException($"Response did not arrive on time: {_runtime.ResponseTimeout} elapsed for {call.Method.Interface.Name}.{call.Method.Name} on grain {GrainId}."), sequence, abandon: true);
        }
    }

    private static void Collect(Invokable call, int now, int timeoutTicks, ref List<(Invokable, int)>? expired)
    {
        // Remote and timer calls are timed out by their sender.
        if (call.ResponseSink is null && !call.IsCompleted && now - call.SentTick >= timeoutTicks)
        {
            (expired ??= []).Add((call, call.Sequence));
        }
    }
}
