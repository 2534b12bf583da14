using CineSync.Runtime;

namespace CineSync.Grains.Interfaces;

/// <summary>The movie catalogue (stateless worker; use key 0).</summary>
public interface ICatalogueGrain : IGrainWithIntegerKey
{
    /// <summary>A title by id; throws <see cref="UnknownMovieException"/> when unknown.</summary>
    Task<TitleInfo> GetTitleAsync(int movieId);

    /// <summary>Titles matching <paramref name="query"/>, best first, tolerant of typos, articles and missing years (autocomplete).</summary>
    Task<IReadOnlyList<TitleMatch>> SearchAsync(string query, int limit);

    /// <summary>The title a user meant; throws <see cref="UnknownMovieException"/> with a "did you mean" message when unsure.</summary>
    Task<TitleInfo> ResolveAsync(string query);

    /// <summary>Titles Discord users rated most in the last <paramref name="days"/> days, topped up with corpus favourites.</summary>
    Task<IReadOnlyList<TrendingTitle>> GetTrendingAsync(int days, int count);

    /// <summary>Well-rated, rarely-rated titles, optionally of one genre.</summary>
    Task<IReadOnlyList<HiddenGem>> GetHiddenGemsAsync(int count, string? genre);

    /// <summary>Every genre in the catalogue (for command choices).</summary>
    Task<IReadOnlyList<string>> GetGenresAsync();
}
