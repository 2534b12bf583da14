using System.ComponentModel;

namespace CineSync.Runtime.Invocation;

/// <summary>The synchronization context grain code runs under; continuations go back to the activation's turn.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainSynchronizationContext : SynchronizationContext
{
    /// <summary>Queues a continuation on the activation.</summary>
    public abstract void Schedule(Action<object?> callback, object? state);

    /// <summary>The call-chain id of the call the activation is running (0 when none).</summary>
    public abstract long CurrentChainId();
}
