using CineSync.Bot.Components;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary>
/// <c>/rate [title] [stars]</c>. With both: rates at once. With a title only: a one-title form. With neither: the quick-rate
/// form of five popular titles the user has not rated.
/// </summary>
internal sealed class RateCommand(IGrainFactory grains, TitleLookup titles) : IBotCommand, IAutocompleteCommand
{
    public const int QuickRateCount = 5;

    public static SlashCommandBuilder Definition => new SlashCommandBuilder("rate", "Rate a movie, or quick-rate five popular ones")
        .AddOption(CommandOptions.Title("The movie (leave empty to quick-rate five popular titles)", required: false))
        .AddOption(CommandOptionBuilder.Number("stars", "Half stars from 0.5 to 5", min: 0.5, max: 5));

    public static Acknowledgement Acknowledgement => Acknowledgement.Immediate;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IUserTasteGrain>(input.UserId);
        if (input.GetString("title") is not { } text)
        {
            var prompt = await user.GetOnboardingAsync(QuickRateCount).ConfigureAwait(false);
            return prompt.Titles.Count == 0
                ? BotReply.Private("I have no more popular titles to ask you about. Rate any movie with /rate title:…")
                : new BotReply { Modal = RatingForm.Create("Quick rate: leave blank to skip", prompt.Titles, required: false) };
        }

        var resolution = await titles.ResolveAsync(text).ConfigureAwait(false);
        var title = resolution.Title;
        if (input.GetNumber("stars") is not { } stars)
        {
            // A form can carry no buttons: when the text could mean several titles, ask which one first.
            return resolution.Alternatives.Count == 0
                ? new BotReply { Modal = RatingForm.Create("Rate this movie", [title], required: true) }
                : WhichOne(resolution, text, input.UserId);
        }

        var receipt = await user.RateAsync(title.MovieId, (float)stars).ConfigureAwait(false);
        return TitleChoices.Decorate(BotReply.Private(RatingForm.Describe([receipt])), resolution, text, Definition.Name, input.UserId, stars, receipt);
    }

    private static BotReply WhichOne(TitleResolution resolution, string text, long userId) => new()
    {
        Content = $"Which one do you want to rate? '{Text.Truncate(text.Trim(), 80)}' could be:",
        Ephemeral = true,
        Rows = [[.. new[] { resolution.Title }.Concat(resolution.Alternatives).Take(5)
            .Select(t => new BotButton(CustomIds.RateButton(t.MovieId, userId), Text.Truncate(t.Display, 80), "⭐"))]],
    };

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(CommandInput input, string option, string text, CancellationToken cancellationToken) =>
        titles.SuggestAsync(text);
}
