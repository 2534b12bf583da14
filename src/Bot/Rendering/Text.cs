using System.Globalization;

namespace CineSync.Bot.Rendering;

/// <summary>Small formatting helpers shared by the cards.</summary>
internal static class Text
{
    public static string Truncate(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    /// <summary>"★★★★½" for 4.5.</summary>
    public static string Stars(float stars)
    {
        var halves = (int)MathF.Round(stars * 2f);
        return new string('★', halves / 2) + (halves % 2 == 1 ? "½" : "");
    }

    public static string Number(float value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(float share) => (share * 100f).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Genres(IReadOnlyList<string> genres) => genres.Count == 0 ? "" : string.Join(", ", genres.Take(3));
}
