using System.Globalization;
using CineSync.Grains.Interfaces;
using CineSync.BotClient.Rendering;
using Orleans;

namespace CineSync.BotClient.Core;

/// <summary>
/// Finds the title a user meant. Autocomplete suggestions carry <c>#movieId</c> as their value, so a picked
/// suggestion resolves exactly; free text goes through the catalogue's typo-tolerant resolution.
/// </summary>
internal sealed class TitleLookup(IGrainFactory grains)
{
    public const char IdMarker = '#';

    private ICatalogueGrain Catalogue => grains.GetGrain<ICatalogueGrain>(0);

    public static string ValueOf(TitleInfo title) => IdMarker + title.MovieId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Longer than any title in the catalogue; a longer text is refused before it is searched or quoted back.</summary>
    public const int MaxTitleLength = 300;

    public Task<TitleInfo> ResolveAsync(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxTitleLength)
        {
            throw new UserInputException($"That title is too long — no movie I know has a title over {MaxTitleLength.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (trimmed.Length > 1 && trimmed[0] == IdMarker
            && int.TryParse(trimmed.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var movieId))
        {
            return Catalogue.GetTitleAsync(movieId);
        }

        return Catalogue.ResolveAsync(trimmed);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit = 25)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var trending = await Catalogue.GetTrendingAsync(7, limit).ConfigureAwait(false);
            return [.. trending.Select(t => Suggest(t.Title))];
        }

        var matches = await Catalogue.SearchAsync(text.Trim(), limit).ConfigureAwait(false);
        return [.. matches.Select(m => Suggest(m.Title))];
    }

    private static Suggestion Suggest(TitleInfo title) => new(Text.Truncate(title.Display, 100), ValueOf(title));
}
