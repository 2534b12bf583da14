using System.Globalization;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>The one-line explanations shown with recommendations and by <c>/why</c>.</summary>
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
            ? $"Because you rated {string.Join(" and ", liked.Select(Cite))}."
            : $"Suggested by {Describe(topModel)}.";
    }

    public static string ForTitle(TitleInfo title, bool personal, float? yours, IReadOnlyList<RatedReason> because, string? topModel, bool rejected)
    {
        var parts = new List<string>(3);
        if (yours is float stars)
        {
            parts.Add($"You rated {title.Display} {Stars(stars)}.");
        }

        if (rejected)
        {
            parts.Add("You asked not to see it again, so it won't be recommended.");
        }

        if (!personal)
        {
            parts.Add($"{title.Display} is {(title.RatingCount > 0 ? "popular" : "in the catalogue")}; your recommendations become personal after {TasteRules.PersonalAfter} ratings.");
        }
        else if (because.Count > 0)
        {
            parts.Add($"{title.Display} fits your taste because you rated {string.Join(", ", because.Take(3).Select(Cite))}; mostly {Describe(topModel)}.");
        }
        else
        {
            parts.Add($"None of your ratings point to {title.Display}; it would come from {Describe(topModel)}.");
        }

        return string.Join(" ", parts);
    }

    private static string Cite(RatedReason reason) => $"{reason.Title} {Stars(reason.Stars)}";

    private static string Stars(float stars) => stars.ToString("0.#", CultureInfo.InvariantCulture) + "★";

    private static string Describe(string? model) => model switch
    {
        "als" => "people with tastes like yours",
        "knn" => "titles similar to ones you rated",
        "ease" or "edlae" => "what fans of your titles also rate",
        "rp3b" => "titles watched together with yours",
        "content" => "genres and people you like",
        "pop" => "what is popular",
        null => "the ensemble",
        _ => model,
    };
}
