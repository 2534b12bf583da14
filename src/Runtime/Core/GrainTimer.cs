using CineSync.Runtime.Invocation;
using CineSync.Runtime.Serialization;

namespace CineSync.Runtime.Core;

/// <summary>
/// A grain timer: each tick queues a call on the activation, so the callback runs as a turn. A tick is
/// skipped while the previous one is still queued or running.
/// </summary>
internal sealed class GrainTimer : IGrainTimer, IResponseSink
{
    private static readonly MethodDescriptor s_method = CreateDescriptor();

    private readonly Activation _activation;
    private readonly SiloRuntime _runtime;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly ITimer _timer;
    private int _inFlight;
    private bool _stopped;

    public GrainTimer(Activation activation, SiloRuntime runtime, Func<object?, CancellationToken, Task> callback, object? state)
    {
        _activation = activation;
        _runtime = runtime;
        _callback = callback;
        _state = state;
        _timer = runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        if (!_stopped)
        {
            _timer.Change(dueTime, period);
        }
    }

    public void Dispose()
    {
        Stop();
        _activation.RemoveTimer(this);
    }

    internal void Stop()
    {
        _stopped = true;
        _timer.Dispose();
    }

    void IResponseSink.OnCompleted(Invokable call)
    {
        if (call.Exception is { } exception)
        {
            _runtime.Log.TimerFailed(exception, _activation.GrainId);
        }
    }

    private async ValueTask RunTickAsync()
    {
        try
        {
            // No ConfigureAwait(false): the callback's continuations belong to the grain's turn.
            await _callback(_state, _runtime.StoppingToken);
        }
        finally
        {
            // Still inside the turn: the next tick may be queued from here on.
            Volatile.Write(ref _inFlight, 0);
        }
    }

    private void OnTick()
    {
        if (_stopped || Interlocked.Exchange(ref _inFlight, 1) == 1)
        {
            return;
        }

        var call = new TickCall(this) { ResponseSink = this, SentTick = _runtime.Clock.Tick };
        _activation.Enqueue(call, allowInline: false);
    }

    private static MethodDescriptor CreateDescriptor()
    {
        var method = new MethodDescriptor("[timer]", 0, MethodFlags.None, static () => throw new NotSupportedException());
        _ = new GrainInterfaceDescriptor(typeof(IGrainTimer), [method]);
        return method;
    }

    private sealed class TickCall(GrainTimer timer) : Invokable
    {
        public override MethodDescriptor Method => s_method;

        public override int ArgumentCount => 0;

        public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public override ValueTask InvokeAsync(object grain) => timer.RunTickAsync();

        public override void WriteArguments(WireWriter writer) => throw new NotSupportedException();

        public override void ReadArguments(WireReader reader) => throw new NotSupportedException();

        public override void ReturnToPool()
        {
        }
    }
}
