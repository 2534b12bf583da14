using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CineSync.Database.Import;

/// <summary>A MovieLens title split into the name and the "(1995)" year suffix.</summary>
internal readonly partial record struct MovieTitle(string Title, short? Year)
{
    /// <summary>Splits "Heat (1995)" into ("Heat", 1995); a title without a year keeps its text and no year.</summary>
    public static MovieTitle Parse(string text)
    {
        text = text.Trim();
        var match = YearSuffix().Match(text);
        if (match.Success && short.TryParse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            var title = text[..match.Index].TrimEnd();
            return new MovieTitle(title.Length == 0 ? text : title, year);
        }

        return new MovieTitle(text, null);
    }

    /// <summary>
    /// A key under which the same film gets the same text in different data sets: lower case,
    /// letters and digits only, a leading or trailing article ("Usual Suspects, The") dropped.
    /// </summary>
    public string MatchKey() => Normalize(Title) + "|" + Year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key without parenthesised alternative titles: "Shanghai Triad (Yao a yao...)" → "shanghaitriad".</summary>
    public string LooseMatchKey()
    {
        var cut = Title.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? new MovieTitle(Title[..cut], Year).MatchKey() : MatchKey();
    }

    private static string Normalize(string title)
    {
        var lower = title.ToLowerInvariant();
        foreach (var article in TrailingArticles)
        {
            if (lower.EndsWith(article, StringComparison.Ordinal))
            {
                lower = lower[..^article.Length];
                break;
            }
        }

        foreach (var article in LeadingArticles)
        {
            if (lower.StartsWith(article, StringComparison.Ordinal))
            {
                lower = lower[article.Length..];
                break;
            }
        }

        var key = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    private static readonly string[] TrailingArticles = [", the", ", a", ", an", ", les", ", la", ", le", ", l'", ", il", ", el", ", das", ", der", ", die"];
    private static readonly string[] LeadingArticles = ["the ", "a ", "an "];

    // "(1995)" or a series' "(2006-2007)" / "(2006–2007)" at the end of the title.
    [GeneratedRegex(@"\((?<year>\d{4})(?:[-–]\d{0,4})?\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex YearSuffix();
}
