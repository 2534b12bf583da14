using System.Globalization;
using CineSync.BotClient.Core;
using CineSync.BotClient.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.BotClient.Commands;

/// <summary><c>/trending</c>: what CineSync users rated most this week, topped up with all-time favourites.</summary>
internal sealed class TrendingCommand(IGrainFactory grains) : IBotCommand
{
    public static SlashCommandBuilder Definition => new("trending", "What people here rated most this week");

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var trending = await grains.GetGrain<ICatalogueGrain>(0).GetTrendingAsync(7, 10).ConfigureAwait(false);
        var items = trending.Select(t => new CardItem(
            t.Title,
            t.FromCorpus
                ? "All-time favourite"
                : $"{t.RecentRatings.ToString(CultureInfo.InvariantCulture)} rating(s) this week" + (t.RecentMean is { } mean ? $", {Text.Number(mean)}★" : ""))).ToList();
        return items.Count == 0
            ? BotReply.Private("Nothing is trending yet.")
            : TitleCards.List("🔥 Trending this week", null, items, input.UserId);
    }
}
