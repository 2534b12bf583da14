using System.Text.Json;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Commands;

/// <summary>Limits shared by option choices and autocomplete results.</summary>
internal static class Choices
{
    public static void Check(IReadOnlyList<JsonCommandOptionChoice> choices, string owner)
    {
        DiscordLimits.Count(choices.Count, DiscordLimits.Choices, $"{owner} choices");
        if (choices.Select(c => c.Value.ValueKind).Distinct().Count() > 1)
        {
            // The choices' type is the option's type: all strings, or all numbers.
            throw new DiscordLimitException($"{owner} choices mix strings and numbers.");
        }

        for (var i = 0; i < choices.Count; i++)
        {
            DiscordLimits.Length(choices[i].Name, DiscordLimits.ChoiceName, $"{owner} choice {i + 1} name", min: 1);
            if (choices[i].Value.ValueKind == JsonValueKind.String)
            {
                DiscordLimits.Length(choices[i].Value.GetString(), DiscordLimits.ChoiceStringValue, $"{owner} choice {i + 1} value");
            }
        }
    }
}
