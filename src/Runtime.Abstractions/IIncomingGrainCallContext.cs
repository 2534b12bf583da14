namespace CineSync.Runtime;

/// <summary>The call a filter is handling.</summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain instance receiving the call.</summary>
    object Grain { get; }

    /// <summary>The called grain's identity.</summary>
    GrainId TargetId { get; }

    /// <summary>The grain interface declaring the method.</summary>
    Type InterfaceType { get; }

    /// <summary>The method name.</summary>
    string MethodName { get; }

    /// <summary>The number of arguments.</summary>
    int ArgumentCount { get; }

    /// <summary>An argument, boxed.</summary>
    object? GetArgument(int index);

    /// <summary>The result once <see cref="Invoke"/> completed (boxed), or null for methods without result.</summary>
    object? Result { get; }

    /// <summary>Runs the next filter, or the grain method.</summary>
    Task Invoke();
}
