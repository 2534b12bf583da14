namespace CineSync.Runtime.Invocation;

/// <summary>
/// Call-chain ids: a call made by grain code carries the chain id of the call its activation is running, so
/// a call that comes back to an activation already on the chain (A→B→A) may enter. The activation is found
/// through the synchronization context grain code runs under, which costs nothing per call (an
/// <see cref="AsyncLocal{T}"/> would allocate an execution context per turn).
/// </summary>
internal static class CallChain
{
    private static long s_nextId;

    public static long NewId() => Interlocked.Increment(ref s_nextId);

    public static long CurrentChainId() =>
        SynchronizationContext.Current is GrainSynchronizationContext context ? context.CurrentChainId() : 0;
}
