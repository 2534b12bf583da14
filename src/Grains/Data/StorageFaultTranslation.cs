using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace CineSync.Grains.Data;

/// <summary>
/// Wraps the silo's grain storage so that a state row that cannot be read or written because PostgreSQL is unreachable
/// reaches the user as <see cref="StorageUnavailableException"/> ("try again in a moment"). Without it the ADO.NET
/// provider's Npgsql exception travels to the client, which has no codec for it, and a cold user's first command
/// during an outage (its state is read at activation, before any grain code runs) would read as a fault.
/// </summary>
internal sealed class StorageFaultTranslation(IGrainStorage inner, GrainsDatabase database) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Wraps the storage registered as <see cref="CineSyncGrainStorage.Name"/>, if one is registered yet.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d =>
            d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, CineSyncGrainStorage.Name) && d.KeyedImplementationFactory is not null);
        if (registered?.KeyedImplementationFactory is not { } create)
        {
            return;
        }

        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(CineSyncGrainStorage.Name, (sp, key) =>
            new StorageFaultTranslation((IGrainStorage)create(sp, key), sp.GetRequiredService<GrainsDatabase>()));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.GuardAsync(StorageUnavailableException.CouldNotLoad, () => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        database.GuardAsync(StorageUnavailableException.CouldNotLoad, () => inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.GuardAsync(StorageUnavailableException.CouldNotSave, () => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        database.GuardAsync(StorageUnavailableException.CouldNotSave, () => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.GuardAsync(StorageUnavailableException.CouldNotSave, () => inner.ClearStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        database.GuardAsync(StorageUnavailableException.CouldNotSave, () => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken));

    // The ADO.NET provider initialises itself (connection check, queries) in the silo lifecycle.
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
