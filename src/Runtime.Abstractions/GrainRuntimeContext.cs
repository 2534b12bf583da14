namespace CineSync.Runtime;

/// <summary>What a grain needs from its activation; implemented by the runtime.</summary>
internal interface IGrainRuntimeContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider Services { get; }

    void DeactivateOnIdle();

    IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, TimeSpan dueTime, TimeSpan period);
}

/// <summary>Hands the activation being created to the <see cref="Grain"/> constructor.</summary>
internal static class GrainRuntimeContext
{
    [ThreadStatic]
    private static IGrainRuntimeContext? t_creating;

    public static IGrainRuntimeContext? Creating
    {
        get => t_creating;
        set => t_creating = value;
    }
}
