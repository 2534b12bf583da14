using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/hidden_gems [genre]</c>: well-rated titles few people have seen.</summary>
internal sealed class HiddenGemsCommand(IGrainFactory grains) : IBotCommand
{
    public static SlashCommandBuilder Definition => new SlashCommandBuilder("hidden_gems", "Well-rated movies few people have seen")
        .AddOption(CommandOptions.Genre("Only gems of this genre"));

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var genre = input.GetString("genre");
        var gems = await grains.GetGrain<ICatalogueGrain>(0).GetHiddenGemsAsync(10, genre).ConfigureAwait(false);
        var items = gems.Select(Card).ToList();
        return items.Count == 0
            ? BotReply.Private("No hidden gems found" + (genre is null ? "." : $" in {genre}."))
            : TitleCards.List("💎 Hidden gems" + (genre is null ? "" : " — " + genre), null, items, input.UserId);
    }

    /// <summary>One rating per card: the plain average people gave it, with how few they were (the shrunk mean only orders the list).</summary>
    internal static CardItem Card(HiddenGem gem) => new(
        gem.Title,
        $"★ {Text.Number(gem.Title.MeanRating ?? gem.ShrunkMean)} avg from only {gem.RatingCount.ToString(CultureInfo.InvariantCulture)} rating{(gem.RatingCount == 1 ? "" : "s")}",
        ShowsOwnRating: true);
}
