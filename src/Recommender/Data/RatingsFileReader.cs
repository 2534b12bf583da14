using System.Globalization;
using System.Text;

namespace CineSync.Recommender.Data;

/// <summary>
/// Reads rating files: generic CSV <c>user,item[,rating[,timestamp]]</c> with an optional header, MovieLens
/// ml-100k <c>u.data</c>/<c>u1.base</c> (tab separated) and ML-1M/10M <c>ratings.dat</c> (<c>::</c> separated).
/// The separator is detected per file; ids must be integers.
/// </summary>
public static class RatingsFileReader
{
    /// <summary>Reads all ratings of <paramref name="path"/>.</summary>
    public static IReadOnlyList<RatingRecord> Read(string path)
    {
        var result = new List<RatingRecord>();
        string? separator = null;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.Latin1))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            separator ??= DetectSeparator(line);
            if (!TryParse(line, separator, out var record))
            {
                if (result.Count == 0 && lineNumber == 1)
                {
                    continue; // header
                }

                throw new FormatException($"{path}:{lineNumber}: expected 'user{separator}item[{separator}rating[{separator}timestamp]]' with integer ids, got '{line}'.");
            }

            result.Add(record);
        }

        return result;
    }

    internal static string DetectSeparator(string line)
    {
        if (line.Contains("::", StringComparison.Ordinal)) { return "::"; }
        if (line.Contains('\t', StringComparison.Ordinal)) { return "\t"; }
        if (line.Contains(',', StringComparison.Ordinal)) { return ","; }
        if (line.Contains(';', StringComparison.Ordinal)) { return ";"; }
        return " ";
    }

    private static bool TryParse(string line, string separator, out RatingRecord record)
    {
        record = default;
        var span = line.AsSpan().Trim();
        Span<Range> parts = stackalloc Range[5];
        var count = span.Split(parts, separator, StringSplitOptions.TrimEntries);
        if (count < 2
            || !long.TryParse(span[parts[0]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var user)
            || !int.TryParse(span[parts[1]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var item))
        {
            return false;
        }

        var value = 1f;
        if (count > 2 && !float.TryParse(span[parts[2]], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        long time = 0;
        if (count > 3 && !long.TryParse(span[parts[3]], NumberStyles.Integer, CultureInfo.InvariantCulture, out time))
        {
            // A non-integer time (e.g. ISO date) is accepted when it parses as a date.
            if (!DateTimeOffset.TryParse(span[parts[3]], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return false;
            }

            time = date.ToUnixTimeSeconds();
        }

        record = new RatingRecord(user, item, value, time);
        return true;
    }
}
