using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Model;

/// <summary>
/// Knows the current trained model. The <c>trained_models</c> table is the truth (training may run in another process),
/// so the stamp is re-read when older than a few seconds; publishing goes through the table too.
/// </summary>
[GrainType("model-registry")]
internal sealed class ModelRegistryGrain(ModelStore store, TimeProvider time) : Grain, IModelRegistryGrain
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private ModelVersionStamp? _current;
    private long _readAt;

    public async Task<ModelVersionStamp> GetCurrentAsync()
    {
        if (_current is null || _current.Version == 0 || time.GetElapsedTime(_readAt) >= MaxAge)
        {
            return await RefreshAsync();
        }

        return _current;
    }

    public async Task<ModelVersionStamp> PublishAsync(int version)
    {
        if (!await store.PublishAsync(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, $"Trained model version {version} does not exist.");
        }

        return await RefreshAsync();
    }

    public async Task<ModelVersionStamp> RefreshAsync()
    {
        _current = await store.GetCurrentAsync();
        _readAt = time.GetTimestamp();
        return _current;
    }
}
