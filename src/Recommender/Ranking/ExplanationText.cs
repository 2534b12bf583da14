using System.Globalization;
using CineSync.Recommender.Engine;

namespace CineSync.Recommender.Ranking;

/// <summary>
/// The sentence <c>/why</c> opens with: plainly whether the title suits the user, and why — the liked titles it follows
/// from, or the disliked titles and genres it resembles. Never "fits your taste" for a title the user rated low or one
/// judged unsuited.
/// </summary>
public static class ExplanationText
{
    /// <summary>The verdict sentence(s); empty for <see cref="FitVerdict.Unknown"/> (nothing personal to say).</summary>
    /// <param name="title">The title's display name.</param>
    /// <param name="why">The engine's explanation.</param>
    /// <param name="yourRating">The user's own rating of it, if any.</param>
    /// <param name="displayOf">Display names of the user's rated titles; null drops a title from the citations.</param>
    public static string Verdict(string title, ItemExplanation why, float? yourRating, Func<int, string?> displayOf)
    {
        ArgumentNullException.ThrowIfNull(why);
        ArgumentNullException.ThrowIfNull(displayOf);
        var liked = Cite(why.Supporting, displayOf);
        var disliked = Cite(why.Opposing, displayOf);
        var source = ModelShares.Source(why.ModelShares.Count == 0 ? null : why.ModelShares.MaxBy(s => s.Value).Key);
        var parts = new List<string>(4);
        switch (why.Verdict)
        {
            case FitVerdict.RatedLow:
                parts.Add($"You rated {title} {Stars(yourRating ?? 0f)}, so it doesn't suit you and I won't recommend it.");
                if (disliked.Length > 0) { parts.Add($"It is like other films you rated low: {disliked}."); }
                break;
            case FitVerdict.RatedHighly:
                parts.Add($"You rated {title} {Stars(yourRating ?? 0f)} — it suits you.");
                if (liked.Length > 0) { parts.Add($"It goes with {liked}, which you also rated highly."); }
                break;
            case FitVerdict.Suits:
                parts.Add(liked.Length > 0
                    ? $"{title} should suit you: it is in your top {Top(why.Percentile)} and close to films you rated highly — {liked}."
                    : $"{title} should suit you: it is in your top {Top(why.Percentile)}.");
                if (why.LikedGenres.Count > 0) { parts.Add($"You rate {Genres(why.LikedGenres)} above your average."); }
                parts.Add($"Mostly from {source}.");
                break;
            case FitVerdict.Unsuited:
                parts.Add($"{title} probably won't suit you: {Against(why, disliked)}.");
                if (liked.Length > 0) { parts.Add($"Only {liked} point{(why.Supporting.Count == 1 ? "s" : string.Empty)} toward it."); }
                break;
            case FitVerdict.Mixed:
                parts.Add($"{title} is a maybe for you: it ranks in your top {Top(why.Percentile)}"
                    + (liked.Length > 0 ? $", like {liked} that you rated highly" : string.Empty)
                    + (disliked.Length > 0 ? $", but it also resembles {disliked} that you rated low" : string.Empty)
                    + (why.DislikedGenres.Count > 0 ? $", and you rate {Genres(why.DislikedGenres)} below your average" : string.Empty)
                    + ".");
                break;
            default:
                break;
        }

        return string.Join(" ", parts);
    }

    private static string Against(ItemExplanation why, string disliked)
    {
        var reasons = new List<string>(3);
        if (why.ModelsUsed > 0 && why.ModelsAboveAverage == 0)
        {
            reasons.Add("every model scores it below your average");
        }
        else if (why.Percentile < FitJudge.UnsuitedBelowPercentile)
        {
            reasons.Add($"it ranks in the bottom {Bottom(why.Percentile)} of titles for you");
        }

        if (disliked.Length > 0) { reasons.Add($"it resembles films you rated low — {disliked}"); }
        if (why.DislikedGenres.Count > 0) { reasons.Add($"you rate {Genres(why.DislikedGenres)} below your average"); }
        return reasons.Count == 0 ? "it is closer to what you dislike than to what you like" : string.Join("; ", reasons);
    }

    /// <summary>At most three titles: a sentence, not a list (the card lists them all).</summary>
    private static string Cite(IReadOnlyList<Because> reasons, Func<int, string?> displayOf) =>
        string.Join(", ", reasons.Take(3).Select(r => (Title: displayOf(r.ItemId), r.Rating)).Where(r => r.Title is not null).Select(r => $"{r.Title} {Stars(r.Rating)}"));

    private static string Genres(IReadOnlyList<string> genres) => string.Join(" and ", genres.Take(2));

    private static string Stars(float stars) => stars.ToString("0.#", CultureInfo.InvariantCulture) + "★";

    /// <summary>"12%" for percentile 0.88, at least 1%.</summary>
    private static string Top(float percentile) => Math.Max(1, (int)MathF.Ceiling((1f - percentile) * 100f - 1e-3f)).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Bottom(float percentile) => Math.Max(1, (int)MathF.Ceiling(percentile * 100f - 1e-3f)).ToString(CultureInfo.InvariantCulture) + "%";
}
