using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>The one-line persona and rating style shown by <c>/my_stats</c>.</summary>
internal static class Persona
{
    private const float StyleMargin = 0.35f;

    /// <summary>Polarised: at least this share of ratings at each end (≤ 1.5★ and ≥ 4.5★)…</summary>
    private const float PolarisedEachEnd = 0.2f;

    /// <summary>…and at least this share at the two ends together.</summary>
    private const float PolarisedBothEnds = 0.7f;

    /// <summary>
    /// How the user rates, from their distribution (10 half-star buckets): polarised when the extremes dominate (a user
    /// who gives only 1★ and 5★ is not "balanced" whatever their mean), else generous or harsh when their mean is clearly
    /// above or below the corpus mean, balanced otherwise.
    /// </summary>
    public static RatingStyle Style(IReadOnlyList<int> histogram, float userMean, float corpusMean)
    {
        var count = histogram.Sum();
        if (count == 0)
        {
            return RatingStyle.Balanced;
        }

        var low = (float)histogram.Take(3).Sum() / count;
        var high = (float)histogram.Skip(8).Sum() / count;
        return low >= PolarisedEachEnd && high >= PolarisedEachEnd && low + high >= PolarisedBothEnds ? RatingStyle.Polarised
            : userMean - corpusMean > StyleMargin ? RatingStyle.Generous
            : corpusMean - userMean > StyleMargin ? RatingStyle.Harsh
            : RatingStyle.Balanced;
    }

    /// <summary>E.g. "Discerning Thriller enthusiast with eclectic taste".</summary>
    public static string Describe(int count, IReadOnlyList<PreferenceStat> genres, RatingStyle style, float diversity)
    {
        if (count == 0)
        {
            return "Newcomer — rate a few titles to reveal your taste";
        }

        var adjective = style switch
        {
            RatingStyle.Generous => "Generous ",
            RatingStyle.Harsh => "Discerning ",
            RatingStyle.Polarised => "Passionate ",
            _ => string.Empty,
        };
        if (genres.Count == 0)
        {
            return adjective.Length == 0 ? "Still finding a favourite genre — rate a few more titles" : $"{adjective}viewer still finding a favourite genre";
        }

        var breadth = diversity >= 0.75f ? " with eclectic taste" : diversity <= 0.35f ? " who knows what they like" : string.Empty;
        return $"{adjective}{genres[0].Name} enthusiast{breadth}";
    }
}
