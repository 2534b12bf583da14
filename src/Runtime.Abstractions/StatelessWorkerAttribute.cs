namespace CineSync.Runtime;

/// <summary>
/// The grain class is a stateless worker: each silo keeps up to <see cref="MaxLocalWorkers"/> local
/// activations per key, adding one only when all existing ones are busy. Workers are not registered
/// in any directory and never hold persistent state.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatelessWorkerAttribute : Attribute
{
    /// <summary>Up to <paramref name="maxLocalWorkers"/> activations per silo; 0 or less means one per processor.</summary>
    public StatelessWorkerAttribute(int maxLocalWorkers = 0) => MaxLocalWorkers = maxLocalWorkers > 0 ? maxLocalWorkers : Environment.ProcessorCount;

    /// <summary>The most activations one silo keeps per worker key.</summary>
    public int MaxLocalWorkers { get; }
}
