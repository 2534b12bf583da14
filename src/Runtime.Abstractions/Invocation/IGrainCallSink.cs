using System.ComponentModel;

namespace CineSync.Runtime.Invocation;

/// <summary>Where grain references send calls: the hosted runtime, or a cluster client connection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainCallSink
{
    /// <summary>Delivers the call; its completion is signalled on the call.</summary>
    void Send(Invokable call);

    /// <summary>The grain factory references created by this sink use.</summary>
    IGrainFactory GrainFactory { get; }
}
