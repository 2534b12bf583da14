using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CineSync.Grains.Catalogue;

/// <summary>Title text rules: MovieLens' "Matrix, The" for display, and the normalised keys search compares.</summary>
internal static partial class TitleText
{
    private static readonly string[] Articles = ["The", "A", "An", "Les", "La", "Le", "L'", "Il", "El", "Das", "Der", "Die"];

    /// <summary>"Matrix, The" → "The Matrix"; "City of Lost Children, The (Cité des enfants perdus, La)" → "The City of Lost Children (Cité …)".</summary>
    public static string Display(string title)
    {
        var paren = title.IndexOf(" (", StringComparison.Ordinal);
        var head = paren > 0 ? title[..paren] : title;
        var tail = paren > 0 ? title[paren..] : string.Empty;
        foreach (var article in Articles)
        {
            var suffix = ", " + article;
            if (head.EndsWith(suffix, StringComparison.Ordinal))
            {
                var separator = article.EndsWith('\'') ? string.Empty : " ";
                return article + separator + head[..^suffix.Length] + tail;
            }
        }

        return title;
    }

    /// <summary>Lower case, accents and punctuation removed, single spaces, no leading article: "The Matrix" → "matrix".</summary>
    public static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c != '\'' && !space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        var key = builder.ToString().TrimEnd();
        foreach (var article in (ReadOnlySpan<string>)["the ", "a ", "an "])
        {
            if (key.StartsWith(article, StringComparison.Ordinal) && key.Length > article.Length)
            {
                return key[article.Length..];
            }
        }

        return key;
    }

    /// <summary>
    /// The keys a title is known by: its whole display title, and, for "Dumb &amp; Dumber (Dumb and Dumber)" or
    /// "Seven (a.k.a. Se7en)", the title before the brackets (main) and each bracketed alternative title (not main).
    /// </summary>
    public static IEnumerable<(string Key, bool Main)> Names(string displayTitle)
    {
        yield return (Key(displayTitle), true);
        var paren = displayTitle.IndexOf(" (", StringComparison.Ordinal);
        if (paren <= 0)
        {
            yield break;
        }

        yield return (Key(displayTitle[..paren]), true);
        foreach (Match alternative in Bracketed().Matches(displayTitle[paren..]))
        {
            var name = alternative.Groups["name"].Value.Trim();
            foreach (var prefix in (ReadOnlySpan<string>)["a.k.a. ", "aka ", "a.k.a "])
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[prefix.Length..];
                }
            }

            yield return (Key(Display(name)), false);
        }
    }

    /// <summary>What a user typed, fit to quote back in a reply: one line, at most <paramref name="max"/> characters.</summary>
    public static string Quote(string? text, int max = 80)
    {
        var line = string.Join(' ', (text ?? string.Empty).Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= max ? line : line[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>Splits a typed query into its key and a year when one is given ("matrix 1999", "The Matrix (1999)").</summary>
    public static (string Key, int? Year) ParseQuery(string query)
    {
        var match = TrailingYear().Match(query);
        if (match.Success && int.TryParse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && match.Index > 0)
        {
            return (Key(query[..match.Index]), year);
        }

        return (Key(query), null);
    }

    /// <summary>The typed text without its trailing year: "The Shining (1980)" → "The Shining".</summary>
    public static string WithoutYear(string query)
    {
        var match = TrailingYear().Match(query);
        return match.Success && match.Index > 0 ? query[..match.Index].Trim() : query.Trim();
    }

    /// <summary>Hashes of the padded character trigrams of a key, sorted and distinct.</summary>
    public static int[] Trigrams(string key)
    {
        if (key.Length == 0)
        {
            return [];
        }

        var padded = "  " + key + " ";
        var set = new HashSet<int>();
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(padded[i] | (padded[i + 1] << 10) | (padded[i + 2] << 20));
        }

        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Dice coefficient of two sorted trigram sets.</summary>
    public static float Dice(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0f;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) { i++; }
            else { j++; }
        }

        return 2f * common / (a.Length + b.Length);
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions: "matirx" is 1 from "matrix").</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0) { return b.Length; }
        if (b.Length == 0) { return a.Length; }
        var width = b.Length + 1;
        Span<int> rows = (3 * width) <= 512 ? stackalloc int[3 * width] : new int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++) { previous[j] = j; }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
            }

            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"\((?<name>[^()]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s*\(?(?<year>(18|19|20)\d{2})\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingYear();
}
