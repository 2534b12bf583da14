using System.ComponentModel;
using System.Threading.Tasks.Sources;
using CineSync.Runtime.Serialization;

namespace CineSync.Runtime.Invocation;

/// <summary>A call to a method returning <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Invokable<TResult> : Invokable, IValueTaskSource<TResult>
{
    /// <summary>The result, once completed successfully.</summary>
    public TResult Result { get; set; } = default!;

    /// <inheritdoc />
    public override object? BoxedResult => Result;

    /// <inheritdoc />
    public override void WriteResult(WireWriter writer) => WireCodec<TResult>.Write(writer, Result);

    /// <inheritdoc />
    public override void ReadResult(WireReader reader) => Result = WireCodec<TResult>.Read(reader);

    /// <summary>Stores the result of an asynchronous grain method.</summary>
    protected async ValueTask AwaitResult(ValueTask<TResult> pending) => Result = await pending.ConfigureAwait(false);

    /// <summary>Stores the result of an asynchronous grain method.</summary>
    protected async ValueTask AwaitResult(Task<TResult> pending) => Result = await pending.ConfigureAwait(false);

    /// <summary>Clears the result and completion state.</summary>
    protected void ResetResult()
    {
        Result = default!;
        ResetCore();
    }

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => ((IValueTaskSource)this).GetStatus(token);

    TResult IValueTaskSource<TResult>.GetResult(short token)
    {
        var result = Result;
        ConsumeCompletion(token);
        return result;
    }
}
