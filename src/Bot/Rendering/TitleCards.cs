using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Grains.Interfaces;

namespace CineSync.Bot.Rendering;

/// <summary>One title in a list card: the title, a line saying why it is there, and the model to credit for feedback.</summary>
/// <param name="Title">The title.</param>
/// <param name="Detail">Why it is there.</param>
/// <param name="Model">The model to credit for feedback.</param>
/// <param name="ShowsOwnRating">True when <paramref name="Detail"/> carries the rating to show, so the corpus average is left out (one rating per card).</param>
internal sealed record CardItem(TitleInfo Title, string Detail, string? Model = null, bool ShowsOwnRating = false);

/// <summary>
/// Lists of titles (recommendations, similar, trending, gems) as one card, with 👍 / 👎 / ⭐ buttons under the first
/// five titles (Discord allows five rows). The buttons name their owner so nobody else can press them.
/// </summary>
internal static class TitleCards
{
    public const int Color = 0x5865F2;
    private const int ButtonRows = 5;

    public static BotReply List(string title, string? description, IReadOnlyList<CardItem> items, long ownerId, string? footer = null)
    {
        var fields = items.Select((item, i) => new BotField(
            Text.Truncate($"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {item.Title.Display}", 256),
            Text.Truncate(Detail(item), 1024))).ToList();
        var rows = items.Take(ButtonRows).Select(item => (IReadOnlyList<BotButton>)
        [
            new BotButton(CustomIds.FeedbackButton("like", item.Title.MovieId, ownerId, item.Model), Text.Truncate(item.Title.Title, 60), "👍", BotButtonStyle.Success),
            new BotButton(CustomIds.FeedbackButton("dislike", item.Title.MovieId, ownerId, item.Model), null, "👎", BotButtonStyle.Danger),
            new BotButton(CustomIds.RateButton(item.Title.MovieId, ownerId), null, "⭐", BotButtonStyle.Secondary),
        ]).ToList();
        return new BotReply
        {
            Embeds = [new BotEmbed(title, description, fields, footer, Color)],
            Rows = rows,
        };
    }

    private static string Detail(CardItem item)
    {
        var facts = new List<string>(3);
        if (item.Title.Genres.Count > 0)
        {
            facts.Add(Text.Genres(item.Title.Genres));
        }

        if (item.Title.MeanRating is { } mean && !item.ShowsOwnRating)
        {
            facts.Add("★ " + Text.Number(mean) + " avg");
        }

        var line = string.Join(" · ", facts);
        return string.IsNullOrWhiteSpace(item.Detail) ? (line.Length > 0 ? line : "—") : line.Length > 0 ? line + "\n" + item.Detail : item.Detail;
    }
}
