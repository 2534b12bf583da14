using CineSync.Grains.Interfaces;
using CineSync.Runtime;

namespace CineSync.BotClient.Tests.Infrastructure;

/// <summary>A grain factory whose catalogue answers <paramref name="delay"/> late: a cluster under load, as the bot sees it.</summary>
internal sealed class SlowCatalogueFactory(IGrainFactory inner, TimeSpan delay) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey =>
        typeof(TGrainInterface) == typeof(ICatalogueGrain)
            ? (TGrainInterface)(object)new SlowCatalogue(inner.GetGrain<ICatalogueGrain>(primaryKey), delay)
            : inner.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey => inner.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey => inner.GetGrain<TGrainInterface>(primaryKey);

    private sealed class SlowCatalogue(ICatalogueGrain inner, TimeSpan delay) : ICatalogueGrain
    {
        public async Task<TitleInfo> GetTitleAsync(int movieId) { await Task.Delay(delay); return await inner.GetTitleAsync(movieId); }

        public async Task<IReadOnlyList<TitleMatch>> SearchAsync(string query, int limit) { await Task.Delay(delay); return await inner.SearchAsync(query, limit); }

        public async Task<TitleInfo> ResolveAsync(string query) { await Task.Delay(delay); return await inner.ResolveAsync(query); }

        public async Task<IReadOnlyList<TrendingTitle>> GetTrendingAsync(int days, int count) { await Task.Delay(delay); return await inner.GetTrendingAsync(days, count); }

        public async Task<IReadOnlyList<HiddenGem>> GetHiddenGemsAsync(int count, string? genre) { await Task.Delay(delay); return await inner.GetHiddenGemsAsync(count, genre); }

        public async Task<IReadOnlyList<string>> GetGenresAsync() { await Task.Delay(delay); return await inner.GetGenresAsync(); }
    }
}
