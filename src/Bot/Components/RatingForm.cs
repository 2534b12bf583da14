using System.Globalization;
using System.Text;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Components;

/// <summary>The rating form (quick-rate of five titles, or one title): one star input per title, keyed by movie id.</summary>
internal sealed class RatingForm(IGrainFactory grains) : IModalHandler
{
    public static string Prefix => CustomIds.RateForm;

    public static BotModal Create(string title, IReadOnlyList<TitleInfo> titles, bool required) => new(
        CustomIds.RateForm,
        title,
        [.. titles.Take(5).Select(t => new BotTextInput(
            CustomIds.Number(t.MovieId),
            Text.Truncate(t.Display, 45),
            required ? "Stars: 0.5 to 5, e.g. 4.5" : "Stars: 0.5 to 5 (blank to skip)",
            required))]);

    public async Task<BotReply> SubmitAsync(ModalInput input, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IUserTasteGrain>(input.UserId);
        var receipts = new List<RatingReceipt>();
        var problems = new List<string>();
        foreach (var (key, value) in input.Values)
        {
            if (string.IsNullOrWhiteSpace(value) || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var movieId))
            {
                continue;
            }

            if (!StarsParser.TryParse(value, out var stars))
            {
                problems.Add($"'{value.Trim()}' is not a rating (use 0.5 to 5).");
                continue;
            }

            receipts.Add(await user.RateAsync(movieId, stars).ConfigureAwait(false));
        }

        if (receipts.Count == 0)
        {
            return BotReply.Private(problems.Count > 0 ? string.Join('\n', problems) : "Nothing rated: every box was blank.");
        }

        var text = Describe(receipts);
        return BotReply.Private(problems.Count > 0 ? text + "\n" + string.Join('\n', problems) : text);
    }

    /// <summary>"Rated The Matrix (1999) ★★★★½." plus where the user stands.</summary>
    public static string Describe(IReadOnlyList<RatingReceipt> receipts)
    {
        var text = new StringBuilder();
        foreach (var receipt in receipts)
        {
            text.Append("Rated ").Append(receipt.Title.Display).Append(' ').Append(Text.Stars(receipt.Stars ?? 0)).Append(" (")
                .Append(Text.Number(receipt.Stars ?? 0)).Append(')').AppendLine(receipt.PreviousStars is { } before ? $", was {Text.Number(before)}." : ".");
        }

        var last = receipts[^1];
        if (receipts.Any(r => r.BecamePersonal))
        {
            text.Append("🎉 Your recommendations are personal now. Try /recommend!");
        }
        else if (!last.Personal)
        {
            text.Append(CultureInfo.InvariantCulture, $"{last.RatingsUntilPersonal} more rating(s) until your picks are personal.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"You have {last.RatingCount} ratings; /recommend has been updated.");
        }

        return text.ToString().TrimEnd();
    }
}
