using System.Text.Json;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Interactions;

/// <summary>One suggestion in an autocomplete answer.</summary>
public sealed record AutocompleteChoice(string Name, JsonElement Value)
{
    public static AutocompleteChoice FromString(string name, string value)
        => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String));

    public static AutocompleteChoice FromInteger(string name, long value)
        => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64));

    public static AutocompleteChoice FromNumber(string name, double value)
        => new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double));
}
