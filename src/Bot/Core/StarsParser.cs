using System.Globalization;
using CineSync.Grains.Interfaces;

namespace CineSync.Bot.Core;

/// <summary>Reads a rating typed by a person: "4.5", "4,5", "4½", "★★★★", "4/5".</summary>
internal static class StarsParser
{
    public static bool TryParse(string text, out float stars)
    {
        var value = text.Trim().Replace(',', '.').Replace("/5", "", StringComparison.Ordinal).Trim();
        if (value.Length > 0 && value.All(c => c is '★' or '½' or '*'))
        {
            stars = value.Count(c => c is '★' or '*') + (value.EndsWith('½') ? 0.5f : 0f);
        }
        else if (value.EndsWith('½') && float.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var whole))
        {
            stars = whole + 0.5f;
        }
        else if (!float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out stars))
        {
            return false;
        }

        return TasteRules.IsValidStars(stars);
    }

    public static float Parse(string text) => TryParse(text, out var stars)
        ? stars
        : throw new UserInputException($"'{text.Trim()}' is not a rating I understand. Use half stars from 0.5 to 5, like 4 or 3.5.");
}
