using CineSync.Grains.Diagnostics;
using CineSync.Grains.Interfaces;
using Orleans.Concurrency;

namespace CineSync.Grains.Catalogue;

/// <summary>The catalogue as a grain: a stateless worker over the silo's <see cref="CatalogueStore"/>.</summary>
[StatelessWorker]
[GrainType("catalogue")]
internal sealed class CatalogueGrain(CatalogueStore store, RecommendationMetrics metrics) : Grain, ICatalogueGrain
{
    private const int MaxList = 50;

    public async Task<TitleInfo> GetTitleAsync(int movieId)
    {
        var catalogue = await store.GetAsync();
        return catalogue.Find(movieId)?.Info ?? throw new UnknownMovieException($"I don't know a movie with id {movieId}.");
    }

    public async Task<IReadOnlyList<TitleMatch>> SearchAsync(string query, int limit)
    {
        var catalogue = await store.GetAsync();
        return catalogue.Search(query, Math.Clamp(limit, 1, 25));
    }

    public async Task<TitleInfo> ResolveAsync(string query) => (await ResolveWithAlternativesAsync(query)).Title;

    public async Task<TitleResolution> ResolveWithAlternativesAsync(string query)
    {
        var catalogue = await store.GetAsync();
        return TitleResolver.Resolve(catalogue, query);
    }

    public async Task<TitleLookupOutcome> TryResolveAsync(string query)
    {
        var catalogue = await store.GetAsync();
        try
        {
            return new TitleLookupOutcome(TitleResolver.Resolve(catalogue, query), null);
        }
        catch (UnknownMovieException refusal)
        {
            metrics.Refused();
            return new TitleLookupOutcome(null, refusal.Message);
        }
    }

    public Task<IReadOnlyList<TrendingTitle>> GetTrendingAsync(int days, int count) =>
        store.TrendingAsync(Math.Clamp(days, 1, 365), Math.Clamp(count, 1, MaxList));

    public async Task<IReadOnlyList<HiddenGem>> GetHiddenGemsAsync(int count, string? genre)
    {
        var catalogue = await store.GetAsync();
        var gems = catalogue.HiddenGems.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(genre))
        {
            gems = gems.Where(g => g.Title.Genres.Contains(genre.Trim(), StringComparer.OrdinalIgnoreCase));
        }

        return [.. gems.Take(Math.Clamp(count, 1, MaxList))];
    }

    public async Task<IReadOnlyList<string>> GetGenresAsync() => (await store.GetAsync()).Genres;
}
