using System.ComponentModel;

namespace CineSync.Runtime.Invocation;

/// <summary>Receives a completed call whose caller is not a local awaiter (a remote connection, a timer).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IResponseSink
{
    /// <summary>The call completed; the sink now owns it and returns it to its pool.</summary>
    void OnCompleted(Invokable call);
}
