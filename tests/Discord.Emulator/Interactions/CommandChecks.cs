using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Interactions;

/// <summary>Discord's client only lets users send options the command defines, with the right types.</summary>
internal static class CommandChecks
{
    public static void Validate(JsonObject definition, IReadOnlyList<CommandOption> options, bool autocomplete)
    {
        var defined = (definition["options"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var option in options)
        {
            var match = defined.FirstOrDefault(candidate => (string?)candidate["name"] == option.Name)
                ?? throw new InvalidOperationException($"/{definition["name"]} has no option '{option.Name}' (has: {string.Join(", ", defined.Select(d => (string?)d["name"]))}).");
            var type = (int?)match["type"];
            if (type != option.Type && !(option.Focused && autocomplete))
            {
                throw new InvalidOperationException($"Option '{option.Name}' of /{definition["name"]} has type {type}, the test sent type {option.Type}.");
            }

            if (option.Focused && (bool?)match["autocomplete"] != true)
            {
                throw new InvalidOperationException($"Option '{option.Name}' of /{definition["name"]} does not have autocomplete.");
            }

            if (option.Options is not null)
            {
                Validate(match, option.Options, autocomplete);
            }
        }

        if (!autocomplete)
        {
            foreach (var required in defined.Where(d => (bool?)d["required"] == true && (int?)d["type"] is not (1 or 2)))
            {
                if (options.All(option => option.Name != (string?)required["name"]))
                {
                    throw new InvalidOperationException($"/{definition["name"]} requires '{required["name"]}'.");
                }
            }
        }
    }
}
