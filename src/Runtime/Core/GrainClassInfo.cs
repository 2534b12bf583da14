using System.Reflection;
using CineSync.Runtime.Invocation;
using CineSync.Runtime.Metrics;

namespace CineSync.Runtime.Core;

/// <summary>A grain class as this silo hosts it: name, scheduling options and per-method statistics.</summary>
internal sealed class GrainClassInfo
{
    private readonly RuntimeMetrics _metrics;
    private MethodStats?[] _stats = [];
    private long _activations;

    public GrainClassInfo(GrainClassRegistration registration, RuntimeMetrics metrics)
    {
        _metrics = metrics;
        Registration = registration;
        var type = registration.GrainClass;
        GrainType = type.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? type.Name;
        IsReentrant = type.GetCustomAttribute<ReentrantAttribute>() is not null;
        MaxLocalWorkers = type.GetCustomAttribute<StatelessWorkerAttribute>()?.MaxLocalWorkers ?? 0;
        RequiredRole = type.GetCustomAttribute<RequiredRoleAttribute>()?.Role;
        IsCallFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(type);
    }

    public GrainClassRegistration Registration { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public int MaxLocalWorkers { get; }

    public bool IsStatelessWorker => MaxLocalWorkers > 0;

    public string? RequiredRole { get; }

    public bool IsCallFilter { get; }

    public long ActivationCount => Volatile.Read(ref _activations);

    public void OnActivated() => Interlocked.Increment(ref _activations);

    public void OnDeactivated() => Interlocked.Decrement(ref _activations);

    public MethodStats GetStats(MethodDescriptor method)
    {
        var stats = _stats;
        var index = method.GlobalIndex;
        return (uint)index < (uint)stats.Length && stats[index] is { } found ? found : AddStats(method);
    }

    private MethodStats AddStats(MethodDescriptor method)
    {
        lock (this)
        {
            var stats = _stats;
            if (method.GlobalIndex >= stats.Length)
            {
                Array.Resize(ref stats, Math.Max(MethodDescriptor.Count, method.GlobalIndex + 1));
            }

            var created = stats[method.GlobalIndex] ??= _metrics.CreateMethodStats(GrainType, method.Name);
            Volatile.Write(ref _stats, stats);
            return created;
        }
    }
}
