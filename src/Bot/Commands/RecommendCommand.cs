using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/recommend [count] [genre] [decade]</c>: personal picks with 👍 / 👎 / ⭐ buttons.</summary>
internal sealed class RecommendCommand(IGrainFactory grains) : IBotCommand
{
    public const int DefaultCount = 5;

    public static SlashCommandBuilder Definition => new SlashCommandBuilder("recommend", "Movies picked for your taste")
        .AddOption(CommandOptionBuilder.Integer("count", "How many titles (1–10, default 5)", min: 1, max: 10))
        .AddOption(CommandOptions.Genre("Only titles of this genre"))
        .AddOption(CommandOptions.Decade());

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var count = (int)Math.Clamp(input.GetInteger("count") ?? DefaultCount, 1, 10);
        var decade = input.GetInteger("decade") is { } d ? (int)d : (int?)null;
        var genre = input.GetString("genre");
        var list = await grains.GetGrain<IUserTasteGrain>(input.UserId)
            .GetRecommendationsAsync(new RecommendationQuery(count, genre, decade)).ConfigureAwait(false);
        if (list.Items.Count == 0)
        {
            return BotReply.Private("Nothing left to suggest with those filters. Try another genre or decade.");
        }

        var items = list.Items.Select(r => new CardItem(r.Title, r.Explanation, r.TopModel)).ToList();
        var filters = string.Join(" · ", new[] { genre, decade is { } dec ? dec.ToString(CultureInfo.InvariantCulture) + "s" : null }.Where(f => f is not null));
        var title = list.Personal ? "🎬 Picked for you" : "🎬 Popular picks — not personal yet";
        if (filters.Length > 0)
        {
            title += " (" + filters + ")";
        }

        var description = list.Personal
            ? "👍 / 👎 teach me your taste; ⭐ rates a title."
            : $"Rate {list.RatingsUntilPersonal.ToString(CultureInfo.InvariantCulture)} more title(s) with /rate and these become personal.";
        return TitleCards.List(title, description, items, input.UserId, "Model " + list.ModelVersion);
    }
}
