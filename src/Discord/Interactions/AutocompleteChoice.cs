using System.Text.Json;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Interactions;

/// <summary>One suggestion in an autocomplete answer.</summary>
public sealed record AutocompleteChoice(string Name, JsonElement Value)
{
    /// <summary>A suggestion showing <paramref name="name"/> that fills in the text <paramref name="value"/>.</summary>
    public static AutocompleteChoice FromString(string name, string value)
        => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String));

    /// <summary>A suggestion showing <paramref name="name"/> that fills in the whole number <paramref name="value"/>.</summary>
    public static AutocompleteChoice FromInteger(string name, long value)
        => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64));

    /// <summary>A suggestion showing <paramref name="name"/> that fills in the number <paramref name="value"/>.</summary>
    public static AutocompleteChoice FromNumber(string name, double value)
        => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double));
}
