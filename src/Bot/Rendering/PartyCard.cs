using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Grains.Interfaces;

namespace CineSync.Bot.Rendering;

/// <summary>A watch party as one message: the shortlist with each member's fit, the live tally, ✅ / ❌ buttons; the pick once settled.</summary>
internal static class PartyCard
{
    private const int SettledColor = 0x57F287;

    public static BotReply Render(PartyView party)
    {
        var fields = party.Shortlist.Select((entry, i) => new BotField(
            Text.Truncate($"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {entry.Title.Display}", 256),
            Text.Truncate(Entry(entry), 1024))).ToList();
        var footer = $"Strategy: {Strategy(party.Strategy)} · votes {party.VotesCast.ToString(CultureInfo.InvariantCulture)}/{party.VotesExpected.ToString(CultureInfo.InvariantCulture)}";
        var members = string.Join(" ", party.Members.Select(Mention));
        if (party.Status == PartyStatus.Settled && party.Pick is { } pick)
        {
            return new BotReply
            {
                Embeds = [new BotEmbed("🍿 Tonight: " + Text.Truncate(pick.Display, 240), $"Settled by votes. Enjoy the movie, {members}!", fields, footer, SettledColor)],
                UpdatesSource = true,
            };
        }

        var cold = party.ColdStartMembers.Count == 0 ? "" : $"\n{string.Join(" ", party.ColdStartMembers.Select(Mention))}: rate a few movies with /rate so I know your taste.";
        var rows = party.Shortlist.Take(5).Select(entry => (IReadOnlyList<BotButton>)
        [
            new BotButton(CustomIds.VoteButton(party.PartyId, entry.Title.MovieId, approve: true), Text.Truncate(entry.Title.Title, 60), "✅", BotButtonStyle.Success),
            new BotButton(CustomIds.VoteButton(party.PartyId, entry.Title.MovieId, approve: false), null, "❌", BotButtonStyle.Danger),
        ]).ToList();
        return new BotReply
        {
            Embeds = [new BotEmbed("🍿 Watch party", $"{members}: vote ✅ or ❌ on the shortlist. The first title most of you approve wins.{cold}", fields, footer, TitleCards.Color)],
            Rows = rows,
            UpdatesSource = true,
        };
    }

    private static string Entry(ShortlistEntry entry)
    {
        var fit = string.Join(" · ", entry.Fit.Select(f => $"{Mention(f.UserId)} {Text.Number(f.PredictedStars)}★"));
        var tally = $"✅ {entry.Approvals.Count.ToString(CultureInfo.InvariantCulture)}  ❌ {entry.Vetoes.Count.ToString(CultureInfo.InvariantCulture)}";
        return (Text.Genres(entry.Title.Genres) is { Length: > 0 } genres ? genres + "\n" : "") + (fit.Length > 0 ? "Fit: " + fit + "\n" : "") + tally;
    }

    /// <summary>A Discord mention; the console renderer shows it as "@user N".</summary>
    public static string Mention(long userId) => "<@" + userId.ToString(CultureInfo.InvariantCulture) + ">";

    private static string Strategy(PartyStrategy strategy) => strategy switch
    {
        PartyStrategy.LeastMisery => "least misery (nobody unhappy)",
        PartyStrategy.Average => "average (most liked overall)",
        PartyStrategy.Borda => "Borda count",
        _ => "fair turns",
    };
}
