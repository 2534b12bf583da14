using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>Sends grain continuations back to the activation, so they run as part of its turns, one at a time.</summary>
internal sealed class ActivationSynchronizationContext(Activation activation) : GrainSynchronizationContext
{
    public Activation Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) => Activation.PostWork(d, state);

    public override void Schedule(Action<object?> callback, object? state) => Activation.PostWork(callback, state);

    public override long CurrentChainId() => Activation.CurrentChainId();

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send onto a grain is not supported; await instead.");

    public override SynchronizationContext CreateCopy() => this;
}
