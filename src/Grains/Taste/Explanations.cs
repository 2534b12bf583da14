using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>
/// The one-line explanations shown with recommendations, and the frame of <c>/why</c> around the recommender's verdict
/// (<see cref="Recommender.Ranking.ExplanationText"/>): the not-personal-yet and "you asked not to see it" notes.
/// </summary>
internal static class Explanations
{
    public static string ForRecommendation(bool personal, IReadOnlyList<RatedReason> because, string topModel, IReadOnlyList<string> genres, int ratingsUntilPersonal)
    {
        if (!personal)
        {
            var scope = genres.Count > 0 ? $"with {string.Join(" / ", genres)} fans" : "right now";
            return $"Popular {scope} — not personal yet: rate {ratingsUntilPersonal} more title{(ratingsUntilPersonal == 1 ? string.Empty : "s")}.";
        }

        var liked = because.Where(b => b.Stars >= 3.5f).Take(2).ToArray();
        return liked.Length > 0
            ? $"Because you rated {string.Join(" and ", liked.Select(b => $"{b.Title} {b.Stars.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}★"))}."
            : $"Suggested by {Recommender.Ranking.ModelShares.Source(topModel)}.";
    }

    /// <param name="title">The title.</param>
    /// <param name="personal">Whether the user has enough ratings for a personal verdict.</param>
    /// <param name="verdict">The recommender's verdict sentence (empty when it has none).</param>
    /// <param name="rejected">Whether the user asked not to see it again.</param>
    public static string ForTitle(TitleInfo title, bool personal, string verdict, bool rejected)
    {
        var parts = new List<string>(3);
        if (verdict.Length > 0)
        {
            parts.Add(verdict);
        }

        if (rejected)
        {
            parts.Add("You asked not to see it again, so it won't be recommended.");
        }

        if (!personal)
        {
            parts.Add($"{title.Display} is {(title.RatingCount > 0 ? "popular" : "in the catalogue")}; I can say whether it suits you after {TasteRules.PersonalAfter} ratings.");
        }

        return string.Join(" ", parts);
    }
}
