namespace CineSync.Grains.Interfaces;

/// <summary>The movie catalogue (stateless worker; use key 0).</summary>
[Alias("cinesync.CatalogueGrain")]
public interface ICatalogueGrain : IGrainWithIntegerKey
{
    /// <summary>A title by id; throws <see cref="UnknownMovieException"/> when unknown.</summary>
    [Alias("GetTitleAsync")]
    Task<TitleInfo> GetTitleAsync(int movieId);

    /// <summary>Titles matching <paramref name="query"/>, best first, tolerant of typos, articles and missing years (autocomplete).</summary>
    [Alias("SearchAsync")]
    Task<IReadOnlyList<TitleMatch>> SearchAsync(string query, int limit);

    /// <summary>The title a user meant; throws <see cref="UnknownMovieException"/> with a "did you mean" message when nothing is close.</summary>
    [Alias("ResolveAsync")]
    Task<TitleInfo> ResolveAsync(string query);

    /// <summary>
    /// The title a user most likely meant (exact title, then the year when given, then popularity) with the other titles
    /// the text could mean; throws <see cref="UnknownMovieException"/> with a "did you mean" message when nothing is close.
    /// </summary>
    [Alias("ResolveWithAlternativesAsync")]
    Task<TitleResolution> ResolveWithAlternativesAsync(string query);

    /// <summary>As <see cref="ResolveWithAlternativesAsync"/>, with a refusal returned rather than thrown (the bot's path).</summary>
    [Alias("TryResolveAsync")]
    Task<TitleLookupOutcome> TryResolveAsync(string query);

    /// <summary>Titles Discord users liked most in the last <paramref name="days"/> days (more likes than not), topped up with corpus favourites.</summary>
    [Alias("GetTrendingAsync")]
    Task<IReadOnlyList<TrendingTitle>> GetTrendingAsync(int days, int count);

    /// <summary>Well-rated, rarely-rated titles, optionally of one genre.</summary>
    [Alias("GetHiddenGemsAsync")]
    Task<IReadOnlyList<HiddenGem>> GetHiddenGemsAsync(int count, string? genre);

    /// <summary>Every genre in the catalogue (for command choices).</summary>
    [Alias("GetGenresAsync")]
    Task<IReadOnlyList<string>> GetGenresAsync();
}
