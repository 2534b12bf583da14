using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/trending</c>: what CineSync users liked most this week, topped up with all-time favourites.</summary>
internal sealed class TrendingCommand(IGrainFactory grains) : IBotCommand
{
    public static SlashCommandBuilder Definition => new("trending", "What people here liked most this week");

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var trending = await grains.GetGrain<ICatalogueGrain>(0).GetTrendingAsync(7, 10).ConfigureAwait(false);
        var items = trending.Select(Card).ToList();
        return items.Count == 0
            ? BotReply.Private("Nothing is trending yet.")
            : TitleCards.List("🔥 Trending this week", null, items, input.UserId);
    }

    /// <summary>A recent title shows this week's likes and average only; a corpus fill-in its all-time average.</summary>
    internal static CardItem Card(TrendingTitle title) => title.FromCorpus
        ? new CardItem(title.Title, "All-time favourite")
        : new CardItem(
            title.Title,
            $"Liked by {title.RecentLikes.ToString(CultureInfo.InvariantCulture)} {(title.RecentLikes == 1 ? "person" : "people")} this week" + (title.RecentMean is { } mean ? $" · ★ {Text.Number(mean)} avg this week" : ""),
            ShowsOwnRating: true);
}
