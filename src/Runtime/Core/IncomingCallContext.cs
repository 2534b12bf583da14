using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>Walks the silo-wide filters, then the grain's own filter, then the method.</summary>
internal sealed class IncomingCallContext(Activation activation, Invokable call, Grain grain, IIncomingGrainCallFilter[] filters) : IIncomingGrainCallContext
{
    private int _next;

    public object Grain => grain;

    public GrainId TargetId => activation.GrainId;

    public Type InterfaceType => call.Method.Interface.InterfaceType;

    public string MethodName => call.Method.Name;

    public int ArgumentCount => call.ArgumentCount;

    public object? Result => call.BoxedResult;

    public object? GetArgument(int index) => call.GetArgument(index);

    public Task Invoke()
    {
        var index = _next++;
        if (index < filters.Length)
        {
            return filters[index].Invoke(this);
        }

        if (index == filters.Length && grain is IIncomingGrainCallFilter own)
        {
            return own.Invoke(this);
        }

        return call.InvokeAsync(grain).AsTask();
    }
}
