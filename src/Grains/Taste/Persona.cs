using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>The one-line persona and rating style shown by <c>/my_stats</c>.</summary>
internal static class Persona
{
    private const float StyleMargin = 0.35f;

    public static RatingStyle Style(float userMean, float corpusMean, int count) =>
        count == 0 ? RatingStyle.Balanced
        : userMean - corpusMean > StyleMargin ? RatingStyle.Generous
        : corpusMean - userMean > StyleMargin ? RatingStyle.Harsh
        : RatingStyle.Balanced;

    /// <summary>E.g. "Discerning Thriller enthusiast with eclectic taste".</summary>
    public static string Describe(int count, IReadOnlyList<PreferenceStat> genres, RatingStyle style, float diversity)
    {
        if (count == 0 || genres.Count == 0)
        {
            return "Newcomer — rate a few titles to reveal your taste";
        }

        var adjective = style switch
        {
            RatingStyle.Generous => "Generous ",
            RatingStyle.Harsh => "Discerning ",
            _ => string.Empty,
        };
        var breadth = diversity >= 0.75f ? " with eclectic taste" : diversity <= 0.35f ? " who knows what they like" : string.Empty;
        return $"{adjective}{genres[0].Name} enthusiast{breadth}";
    }
}
