using System.ComponentModel;

namespace CineSync.Runtime.Invocation;

/// <summary>Base of generated grain proxies: a grain interface, a key and where to send calls.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainReference : IAddressable
{
    /// <summary>Creates a reference.</summary>
    protected GrainReference(IGrainCallSink sink, GrainKey key)
    {
        Sink = sink;
        Key = key;
    }

    /// <summary>Where calls go.</summary>
    public IGrainCallSink Sink { get; }

    /// <summary>The grain's key.</summary>
    public GrainKey Key { get; }

    /// <summary>The grain interface.</summary>
    public abstract GrainInterfaceDescriptor Interface { get; }

    /// <summary>The sink's cached route to the grain (an activation), reused while valid.</summary>
    public object? RouteCache { get; set; }

    /// <summary>Sends a call whose result the caller awaits.</summary>
    protected ValueTask<TResult> SendAsync<TResult>(Invokable<TResult> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Prepare(call);
        var version = call.Version;
        Sink.Send(call);
        return new ValueTask<TResult>(call, version);
    }

    /// <summary>Sends a call without result.</summary>
    protected ValueTask SendAsync(Invokable call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Prepare(call);
        var version = call.Version;
        Sink.Send(call);
        return new ValueTask(call, version);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Interface.Name}/{Key}";

    private void Prepare(Invokable call)
    {
        call.TargetKey = Key;
        call.Caller = this;
        call.ChainId = CallChain.CurrentChainId();
    }
}
