using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Interactions;

/// <summary>
/// Whether a parsed interaction carries what answering it needs: well-typed JSON can still be an interaction nobody
/// could have sent (a command with no name or no token to answer with, a button with no
/// custom_id, the same option twice). Such input is refused before any handler sees it.
/// </summary>
public static class InteractionShape
{
    /// <summary>Null when <paramref name="json"/> can be dispatched, else why not (for logs and 400 bodies).</summary>
    public static string? Problem(JsonInteraction json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var type = (InteractionType)json.Type;
        if (type == InteractionType.Ping)
        {
            return null;
        }

        if (type is not (InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete or InteractionType.MessageComponent or InteractionType.ModalSubmit))
        {
            return $"unknown interaction type {json.Type}";
        }

        if (json.Id == 0 || string.IsNullOrEmpty(json.Token))
        {
            return "missing id or token";
        }

        return type switch
        {
            _ when json.Data is null => "missing data",
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete when string.IsNullOrEmpty(json.Data.Name) => "missing the command name",
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete when HasDuplicateOption(json.Data.Options) => "an option given twice",
            InteractionType.MessageComponent or InteractionType.ModalSubmit when json.Data.CustomId is null => "missing custom_id",
            _ => null,
        };
    }

    private static bool HasDuplicateOption(JsonInteractionOption[]? options)
    {
        if (options is null)
        {
            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        return options.Any(o => !names.Add(o.Name) || HasDuplicateOption(o.Options));
    }
}
