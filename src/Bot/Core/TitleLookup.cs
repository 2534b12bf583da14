using System.Globalization;
using CineSync.Grains.Interfaces;
using CineSync.Bot.Rendering;
using Orleans;

namespace CineSync.Bot.Core;

/// <summary>
/// Finds the title a user meant. Autocomplete suggestions carry <c>#movieId</c> as their value, so a picked
/// suggestion resolves exactly; free text goes through the catalogue's resolution, which also names the other
/// titles the text could mean.
/// </summary>
internal sealed class TitleLookup(IGrainFactory grains)
{
    public const char IdMarker = '#';

    /// <summary>The longest title option accepted (registered as the option's max_length); no catalogue title comes close.</summary>
    public const int MaxLength = 200;

    private ICatalogueGrain Catalogue => grains.GetGrain<ICatalogueGrain>(0);

    public static string ValueOf(TitleInfo title) => IdMarker + title.MovieId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The title meant by <paramref name="text"/>; refuses (<see cref="UserInputException"/>) text longer than <see cref="MaxLength"/>.</summary>
    public async Task<TitleResolution> ResolveAsync(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"That title is {trimmed.Length:N0} characters long; movie titles here are at most {MaxLength}. Type the title only, e.g. The Shining (1980)."));
        }

        if (trimmed.Length > 1 && trimmed[0] == IdMarker
            && int.TryParse(trimmed.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var movieId))
        {
            return new TitleResolution(await Catalogue.GetTitleAsync(movieId).ConfigureAwait(false), TitleMatchKind.Exact, []);
        }

        // A refusal comes back as an answer (not a failed grain call) and becomes the member's message here.
        var outcome = await Catalogue.TryResolveAsync(trimmed).ConfigureAwait(false);
        return outcome.Resolution ?? throw new UnknownMovieException(outcome.Refusal ?? "I don't know that movie.");
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit = 25)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var trending = await Catalogue.GetTrendingAsync(7, limit).ConfigureAwait(false);
            return [.. trending.Select(t => Suggest(t.Title))];
        }

        if (text.Length > MaxLength)
        {
            return [];
        }

        var matches = await Catalogue.SearchAsync(text.Trim(), limit).ConfigureAwait(false);
        return [.. matches.Select(m => Suggest(m.Title))];
    }

    private static Suggestion Suggest(TitleInfo title) => new(Text.Truncate(title.Display, 100), ValueOf(title));
}
