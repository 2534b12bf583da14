using CineSync.Bot.Components;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/why &lt;title&gt;</c>: why a title would (or would not) be recommended to the user.</summary>
internal sealed class WhyCommand(IGrainFactory grains, TitleLookup titles) : IBotCommand, IAutocompleteCommand
{
    public static SlashCommandBuilder Definition => new SlashCommandBuilder("why", "Why a movie would (or would not) suit you")
        .AddOption(CommandOptions.Title("The movie", required: true));

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var typed = input.GetString("title") ?? throw new UserInputException("Tell me which movie: /why title:…");
        var resolution = await titles.ResolveAsync(typed).ConfigureAwait(false);
        var title = resolution.Title;
        var why = await grains.GetGrain<IUserTasteGrain>(input.UserId).ExplainAsync(title.MovieId).ConfigureAwait(false);
        var fields = new List<BotField>();
        if (why.YourStars is { } stars)
        {
            fields.Add(new BotField("You rated it", Text.Stars(stars) + " (" + Text.Number(stars) + ")", Inline: true));
        }

        var against = why.Fit is TitleFit.Unsuited or TitleFit.RatedLow;
        if (ModelSources.Shares(why.ModelContributions) is { Length: > 0 } shares)
        {
            fields.Add(new BotField(against ? "What counts against it" : "What it's based on", shares, Inline: true));
        }

        if (why.Because.Count > 0)
        {
            fields.Add(new BotField("Films you rated highly that lead to it", Reasons(why.Because)));
        }

        if (why.Resembles is { Count: > 0 } resembles)
        {
            fields.Add(new BotField("Films you rated low that it resembles", Reasons(resembles)));
        }

        var reply = new BotReply { Embeds = [new BotEmbed("🤔 Why " + Text.Truncate(why.Title.Display, 240), Text.Truncate(why.Text, 4000), fields, why.Personal ? null : "Not personal yet: rate a few more titles.", TitleCards.Color)] };
        return TitleChoices.Decorate(reply, resolution, typed, Definition.Name, input.UserId);
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(CommandInput input, string option, string text, CancellationToken cancellationToken) =>
        titles.SuggestAsync(text);

    private static string Reasons(IReadOnlyList<RatedReason> reasons) =>
        string.Join("\n", reasons.Take(5).Select(b => $"{Text.Truncate(b.Title, 200)} {Text.Stars(b.Stars)} ({Text.Number(b.Stars, "0.#")}★)"));
}
