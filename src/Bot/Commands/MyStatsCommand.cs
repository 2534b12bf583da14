using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/my_stats</c>: favourite genres, directors, actors and eras, rating style, diversity and persona.</summary>
internal sealed class MyStatsCommand(IGrainFactory grains) : IBotCommand
{
    public static SlashCommandBuilder Definition => new("my_stats", "Your taste profile: favourites, rating style, persona");

    public static Acknowledgement Acknowledgement => Acknowledgement.Immediate;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var stats = await grains.GetGrain<IUserTasteGrain>(input.UserId).GetStatsAsync().ConfigureAwait(false);
        if (stats.RatingCount == 0)
        {
            return BotReply.Private("You haven't rated anything yet. Try /rate to get started.");
        }

        var fields = new List<BotField>
        {
            new("Ratings", $"{stats.RatingCount.ToString(CultureInfo.InvariantCulture)} · mean {Text.Number(stats.MeanStars)}★", Inline: true),
            new("Rating style", Style(stats), Inline: true),
            new("Diversity", $"{Text.Percent(stats.Diversity)} {(stats.Diversity >= 0.7f ? "(eclectic)" : stats.Diversity <= 0.35f ? "(focused)" : "(varied)")}", Inline: true),
        };
        AddTop(fields, "Favourite genres", stats.Genres);
        AddTop(fields, "Favourite directors", stats.Directors);
        AddTop(fields, "Favourite actors", stats.Actors);
        AddTop(fields, "Favourite eras", stats.Decades);
        fields.Add(new BotField("How you rate", Histogram(stats.Distribution)));
        if (stats.Feedback.Count > 0)
        {
            fields.Add(new BotField("Feedback given", string.Join(" · ", stats.Feedback.Select(f => $"{Emoji(f.Key)} {f.Value.ToString(CultureInfo.InvariantCulture)}"))));
        }

        return new BotReply { Embeds = [new BotEmbed("📊 Your taste", "**" + stats.Persona + "**", fields, null, TitleCards.Color)] };
    }

    private static string Style(TasteStats stats)
    {
        var delta = stats.MeanStars - stats.CorpusMean;
        return stats.Style switch
        {
            RatingStyle.Generous => $"Generous (+{Text.Number(delta)}★ vs average)",
            RatingStyle.Harsh => $"Harsh ({Text.Number(delta)}★ vs average)",
            RatingStyle.Polarised => "Polarised (mostly lowest and highest ratings)",
            _ => $"Balanced ({(delta >= 0 ? "+" : "")}{Text.Number(delta)}★ vs average)",
        };
    }

    private static void AddTop(List<BotField> fields, string name, IReadOnlyList<PreferenceStat> stats)
    {
        if (stats.Count > 0)
        {
            fields.Add(new BotField(name, string.Join("\n", stats.Take(3).Select(s => $"{s.Name} — {Text.Number(s.Average)}★ ({s.Count.ToString(CultureInfo.InvariantCulture)})"))));
        }
    }

    private static string Histogram(IReadOnlyList<int> distribution)
    {
        var max = Math.Max(1, distribution.Count == 0 ? 1 : distribution.Max());
        var lines = distribution.Select((count, i) => (Stars: (i + 1) * 0.5f, Count: count))
            .Where(b => b.Count > 0)
            .Select(b => $"`{Text.Number(b.Stars).PadLeft(3)}` {new string('█', Math.Max(1, b.Count * 12 / max))} {b.Count.ToString(CultureInfo.InvariantCulture)}");
        return string.Join("\n", lines) is { Length: > 0 } text ? text : "—";
    }

    private static string Emoji(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Like => "👍",
        FeedbackKind.Dislike => "👎",
        FeedbackKind.Watched => "👀",
        _ => "🙈",
    };
}
