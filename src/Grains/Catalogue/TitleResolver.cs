using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Catalogue;

/// <summary>Turns typed text into one title, or a human "did you mean" error.</summary>
internal static class TitleResolver
{
    private const float Confident = 0.95f;

    public static TitleInfo Resolve(CatalogueSnapshot catalogue, string query)
    {
        var matches = catalogue.Search(query, 2);
        if (matches.Count > 0 && matches[0].Score >= Confident && (matches.Count == 1 || matches[1].Score < matches[0].Score))
        {
            return matches[0].Title;
        }

        throw new UnknownMovieException(matches.Count > 0
            ? $"I don't know a movie called '{query}' — did you mean {matches[0].Title.Display}?"
            : $"I don't know a movie called '{query}'.");
    }
}
