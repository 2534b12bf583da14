using CineSync.Grains.Interfaces;
using Orleans;
using Orleans.Runtime;

namespace CineSync.BotClient.Tests.Infrastructure;

/// <summary>A grain factory whose catalogue answers <paramref name="delay"/> late on <paramref name="time"/>: a cluster under load, as the bot sees it.</summary>
internal sealed class SlowCatalogueFactory(IGrainFactory inner, TimeSpan delay, TimeProvider time) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        typeof(TGrainInterface) == typeof(ICatalogueGrain)
            ? (TGrainInterface)(object)new SlowCatalogue(inner.GetGrain<ICatalogueGrain>(primaryKey, grainClassNamePrefix), delay, time)
            : inner.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    // Everything else goes straight to the cluster.
    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey => inner.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey => inner.GetGrain<TGrainInterface>(primaryKey, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey => inner.GetGrain<TGrainInterface>(primaryKey, keyExtension, grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey => inner.GetGrain<TGrainInterface>(primaryKey, keyExtension, grainClassNamePrefix);

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => inner.CreateObjectReference<TGrainObserverInterface>(obj);

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => inner.DeleteObjectReference<TGrainObserverInterface>(obj);

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey) => inner.GetGrain(grainInterfaceType, grainPrimaryKey);

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey) => inner.GetGrain(grainInterfaceType, grainPrimaryKey);

    public IGrain GetGrain(Type grainInterfaceType, string grainPrimaryKey) => inner.GetGrain(grainInterfaceType, grainPrimaryKey);

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey, string keyExtension) => inner.GetGrain(grainInterfaceType, grainPrimaryKey, keyExtension);

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey, string keyExtension) => inner.GetGrain(grainInterfaceType, grainPrimaryKey, keyExtension);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable => inner.GetGrain<TGrainInterface>(grainId);

    public IAddressable GetGrain(GrainId grainId) => inner.GetGrain(grainId);

    public IAddressable GetGrain(GrainId grainId, GrainInterfaceType interfaceType) => inner.GetGrain(grainId, interfaceType);

    public IAddressable GetGrain(Type interfaceType, IdSpan grainKey, string grainClassNamePrefix) => inner.GetGrain(interfaceType, grainKey, grainClassNamePrefix);

    public IAddressable GetGrain(Type interfaceType, IdSpan grainKey) => inner.GetGrain(interfaceType, grainKey);

    private sealed class SlowCatalogue(ICatalogueGrain inner, TimeSpan delay, TimeProvider time) : ICatalogueGrain
    {
        public async Task<TitleInfo> GetTitleAsync(int movieId) { await Task.Delay(delay, time); return await inner.GetTitleAsync(movieId); }

        public async Task<IReadOnlyList<TitleMatch>> SearchAsync(string query, int limit) { await Task.Delay(delay, time); return await inner.SearchAsync(query, limit); }

        public async Task<TitleInfo> ResolveAsync(string query) { await Task.Delay(delay, time); return await inner.ResolveAsync(query); }

        public async Task<TitleResolution> ResolveWithAlternativesAsync(string query) { await Task.Delay(delay, time); return await inner.ResolveWithAlternativesAsync(query); }

        public async Task<TitleLookupOutcome> TryResolveAsync(string query) { await Task.Delay(delay, time); return await inner.TryResolveAsync(query); }

        public async Task<IReadOnlyList<TrendingTitle>> GetTrendingAsync(int days, int count) { await Task.Delay(delay, time); return await inner.GetTrendingAsync(days, count); }

        public async Task<IReadOnlyList<HiddenGem>> GetHiddenGemsAsync(int count, string? genre) { await Task.Delay(delay, time); return await inner.GetHiddenGemsAsync(count, genre); }

        public async Task<IReadOnlyList<string>> GetGenresAsync() { await Task.Delay(delay, time); return await inner.GetGenresAsync(); }
    }
}
