using System.ComponentModel;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Sources;
using CineSync.Runtime.Serialization;

namespace CineSync.Runtime.Invocation;

/// <summary>
/// One grain call: the method, its arguments and, once done, its result or exception. Generated per
/// grain method and pooled, so a call allocates nothing on the hot path. The caller awaits the call
/// itself (it is the <see cref="IValueTaskSource"/>); a remote sender sets <see cref="ResponseSink"/>
/// instead and is told when the call completes. Infrastructure for generated code and the runtime.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Invokable : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core;

    // Bit 0: completed. Bits 1..: the rental sequence, so a late timeout cannot complete a recycled call.
    private int _state;
    private GrainSynchronizationContext? _continuationContext;
    private Action<object?>? _continuation;
    private object? _continuationState;

    /// <summary>The method's static description.</summary>
    public abstract MethodDescriptor Method { get; }

    /// <summary>The key of the called grain.</summary>
    public GrainKey TargetKey { get; set; }

    /// <summary>Where the caller expects the grain (a cached activation or route); a hint, may be stale.</summary>
    public GrainReference? Caller { get; set; }

    /// <summary>Call-chain id: calls made while handling this call carry it, so A→B→A re-enters A.</summary>
    public long ChainId { get; set; }

    /// <summary>Coarse tick at which the call was sent, for response timeouts.</summary>
    public int SentTick { get; set; }

    /// <summary>High-resolution timestamp at which the turn started, when durations are measured.</summary>
    public long StartTimestamp { get; set; }

    /// <summary>Correlation id of a remote call on its connection.</summary>
    public long CorrelationId { get; set; }

    /// <summary>Receives the completed call instead of a local awaiter (remote callers, timers).</summary>
    public IResponseSink? ResponseSink { get; set; }

    /// <summary>The failure, once completed with one.</summary>
    public Exception? Exception { get; set; }

    /// <summary>Set when a timeout completed the call: the runtime may still hold it, so it is not pooled.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>Whether the awaiting caller resumes on the thread pool rather than on the completing thread.</summary>
    public bool RunContinuationsAsynchronously
    {
        get => _core.RunContinuationsAsynchronously;
        set => _core.RunContinuationsAsynchronously = value;
    }

    /// <summary>The current rental sequence.</summary>
    public int Sequence => Volatile.Read(ref _state) >> 1;

    /// <summary>Whether the call has completed.</summary>
    public bool IsCompleted => (Volatile.Read(ref _state) & 1) != 0;

    /// <summary>The number of arguments.</summary>
    public abstract int ArgumentCount { get; }

    /// <summary>An argument, boxed (for filters and diagnostics).</summary>
    public abstract object? GetArgument(int index);

    /// <summary>The result, boxed (for filters); null for methods without a result.</summary>
    public virtual object? BoxedResult => null;

    /// <summary>Invokes the method on the grain, storing its result; throws what the grain throws.</summary>
    public abstract ValueTask InvokeAsync(object grain);

    /// <summary>Writes the arguments.</summary>
    public abstract void WriteArguments(WireWriter writer);

    /// <summary>Reads the arguments.</summary>
    public abstract void ReadArguments(WireReader reader);

    /// <summary>Writes the result.</summary>
    public virtual void WriteResult(WireWriter writer)
    {
    }

    /// <summary>Reads the result.</summary>
    public virtual void ReadResult(WireReader reader)
    {
    }

    /// <summary>Clears the arguments and result and returns the call to its pool.</summary>
    public abstract void ReturnToPool();

    /// <summary>Completes the call with its stored result or <see cref="Exception"/>; false when already completed.</summary>
    public bool TryComplete() => TryComplete(Sequence);

    /// <summary>Completes the call if it is still the rental <paramref name="sequence"/> and not yet completed.</summary>
    public bool TryComplete(int sequence)
    {
        var pending = sequence << 1;
        if (Interlocked.CompareExchange(ref _state, pending | 1, pending) != pending)
        {
            return false;
        }

        if (ResponseSink is { } sink)
        {
            sink.OnCompleted(this);
        }
        else
        {
            _core.SetResult(true);
        }

        return true;
    }

    /// <summary>Completes the call with an exception if it is still pending.</summary>
    public bool TryFail(Exception exception) => TryFail(exception, Sequence, abandon: false);

    /// <summary>Completes the call with an exception if it is still the rental <paramref name="sequence"/>; when
    /// <paramref name="abandon"/> the call is left out of the pool because the runtime may still hold it.</summary>
    public bool TryFail(Exception exception, int sequence, bool abandon)
    {
        var pending = sequence << 1;
        if (Interlocked.CompareExchange(ref _state, pending | 1, pending) != pending)
        {
            return false;
        }

        Exception = exception;
        Abandoned = abandon;
        if (ResponseSink is { } sink)
        {
            sink.OnCompleted(this);
        }
        else
        {
            _core.SetResult(true);
        }

        return true;
    }

    /// <summary>Resets the completion state for the next rental.</summary>
    protected void ResetCore()
    {
        _core.Reset();
        _core.RunContinuationsAsynchronously = false;
        TargetKey = default;
        Caller = null;
        ChainId = 0;
        SentTick = 0;
        StartTimestamp = 0;
        CorrelationId = 0;
        ResponseSink = null;
        Exception = null;
        Abandoned = false;
        _continuationContext = null;
        _continuation = null;
        _continuationState = null;
        var next = ((_state >> 1) + 1) & 0x3FFFFFFF;
        Volatile.Write(ref _state, next << 1);
    }

    /// <summary>Observes completion and rethrows a failure; pools the call unless abandoned.</summary>
    protected void ConsumeCompletion(short token)
    {
        _core.GetResult(token);
        var exception = Exception;
        if (!Abandoned)
        {
            ReturnToPool();
        }

        if (exception is not null)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
    }

    /// <summary>The token of the current rental, for building the awaitable.</summary>
    public short Version => _core.Version;

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token) switch
    {
        ValueTaskSourceStatus.Succeeded when Exception is not null => ValueTaskSourceStatus.Faulted,
        var status => status,
    };

    /// <inheritdoc cref="IValueTaskSource.OnCompleted" />
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
    {
        // A grain awaiting a call resumes on its own turn. Post straight to the activation instead of
        // letting the core wrap the continuation for SynchronizationContext.Post (an allocation per call).
        if ((flags & ValueTaskSourceOnCompletedFlags.UseSchedulingContext) != 0
            && SynchronizationContext.Current is GrainSynchronizationContext context)
        {
            _continuationContext = context;
            _continuation = continuation;
            _continuationState = state;
            _core.OnCompleted(static s => ((Invokable)s!).PostContinuation(), this, token, flags & ~ValueTaskSourceOnCompletedFlags.UseSchedulingContext);
            return;
        }

        _core.OnCompleted(continuation, state, token, flags);
    }

    void IValueTaskSource.GetResult(short token) => ConsumeCompletion(token);

    private void PostContinuation()
    {
        var context = _continuationContext!;
        var continuation = _continuation!;
        var state = _continuationState;
        _continuationContext = null;
        _continuation = null;
        _continuationState = null;
        context.Schedule(continuation, state);
    }
}
