using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>Knows the current trained model version (use key 0).</summary>
[Alias("cinesync.ModelRegistryGrain")]
public interface IModelRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The current version (re-read from <c>trained_models</c> at most every few seconds).</summary>
    [ReadOnly]
    [Alias("GetCurrentAsync")]
    Task<ModelVersionStamp> GetCurrentAsync();

    /// <summary>Marks a stored version current; workers pick it up on their next check.</summary>
    [Alias("PublishAsync")]
    Task<ModelVersionStamp> PublishAsync(int version);

    /// <summary>Re-reads the current version from the database now (after training).</summary>
    [Alias("RefreshAsync")]
    Task<ModelVersionStamp> RefreshAsync();
}
