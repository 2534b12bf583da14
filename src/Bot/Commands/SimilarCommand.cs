using CineSync.Bot.Components;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/similar &lt;title&gt;</c>: titles like this one, with the user's own ratings of them.</summary>
internal sealed class SimilarCommand(IGrainFactory grains, TitleLookup titles) : IBotCommand, IAutocompleteCommand
{
    public static SlashCommandBuilder Definition => new SlashCommandBuilder("similar", "Movies similar to one you name")
        .AddOption(CommandOptions.Title("The movie", required: true));

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var typed = input.GetString("title") ?? throw new UserInputException("Tell me which movie: /similar title:…");
        var resolution = await titles.ResolveAsync(typed).ConfigureAwait(false);
        var title = resolution.Title;
        var similar = await grains.GetGrain<IUserTasteGrain>(input.UserId).GetSimilarAsync(title.MovieId, 8).ConfigureAwait(false);
        if (similar.Count == 0)
        {
            return TitleChoices.Decorate(BotReply.Private($"I don't know enough about {title.Display} to find similar movies yet."), resolution, typed, Definition.Name, input.UserId);
        }

        var items = similar.Select(s => new CardItem(s.Title, s.YourStars is { } stars ? "You rated it " + Text.Stars(stars) : "")).ToList();
        return TitleChoices.Decorate(TitleCards.List("🎞️ Like " + Text.Truncate(title.Display, 240), null, items, input.UserId), resolution, typed, Definition.Name, input.UserId);
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(CommandInput input, string option, string text, CancellationToken cancellationToken) =>
        titles.SuggestAsync(text);
}
