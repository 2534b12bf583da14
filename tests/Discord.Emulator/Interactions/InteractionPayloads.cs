using System.Globalization;
using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Interactions;

/// <summary>Builds full Interaction objects as Discord dispatches them in a guild text channel.</summary>
internal static class InteractionPayloads
{
    public const long AttachmentSizeLimit = 10_485_760;
    public const string AppPermissions = "2248473465835073";

    public static JsonObject Envelope(EmulatorState state, ulong id, string token, int type, EmulatedUser user, EmulatedChannel channel, JsonObject data, EmulatedMessage? message)
    {
        var guild = channel.Guild;
        var interaction = new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["application_id"] = state.BotUser.IdString,
            ["type"] = type,
            ["data"] = data,
            ["guild"] = new JsonObject { ["id"] = guild.IdString, ["locale"] = "en-US", ["features"] = new JsonArray() },
            ["guild_id"] = guild.IdString,
            ["channel"] = channel.ToJson(),
            ["channel_id"] = channel.IdString,
            ["member"] = guild.MemberOf(user).ToJson(),
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = AppPermissions,
            ["locale"] = "en-US",
            ["guild_locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["entitlement_sku_ids"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guild.IdString },
            ["context"] = 0,
            ["attachment_size_limit"] = AttachmentSizeLimit,
        };
        if (message is not null)
        {
            interaction["message"] = message.ToJson();
        }

        return interaction;
    }

    /// <summary><c>resolved.users</c> and <c>resolved.members</c> for the given users, or null when none.</summary>
    public static JsonObject? Resolved(EmulatedGuild guild, IEnumerable<EmulatedUser> users)
    {
        var distinct = users.DistinctBy(user => user.Id).ToList();
        if (distinct.Count == 0)
        {
            return null;
        }

        var resolvedUsers = new JsonObject();
        var resolvedMembers = new JsonObject();
        foreach (var user in distinct)
        {
            resolvedUsers[user.IdString] = user.ToJson();
            resolvedMembers[user.IdString] = guild.MemberOf(user).ToJson(withUser: false);
        }

        return new JsonObject { ["users"] = resolvedUsers, ["members"] = resolvedMembers };
    }

    /// <summary>A token as opaque and URL-safe as Discord's, unique per interaction.</summary>
    public static string Token(ulong id)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes($"interaction:{id}:emulated-token-padding-to-look-realistic");
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The modal-submit <c>components</c> mirroring the modal the bot opened, filled with the user's input.</summary>
    public static JsonArray ModalAnswers(JsonArray modalComponents, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string[]> selections)
    {
        var answers = new JsonArray();
        foreach (var component in modalComponents.OfType<JsonObject>())
        {
            switch ((int?)component["type"])
            {
                case 1:
                    var row = new JsonObject { ["type"] = 1, ["components"] = new JsonArray([.. (component["components"] as JsonArray ?? []).OfType<JsonObject>().Select(input => (JsonNode)Answer(input, values, selections))]) };
                    CopyId(component, row);
                    answers.Add(row);
                    break;
                case 18:
                    var label = new JsonObject { ["type"] = 18, ["component"] = Answer((JsonObject)component["component"]!, values, selections) };
                    CopyId(component, label);
                    answers.Add(label);
                    break;
                case 10:
                    var text = new JsonObject { ["type"] = 10 };
                    CopyId(component, text);
                    answers.Add(text);
                    break;
                default:
                    break;
            }
        }

        return answers;
    }

    private static JsonObject Answer(JsonObject input, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string[]> selections)
    {
        var customId = (string)input["custom_id"]!;
        var type = (int)input["type"]!;
        var answer = new JsonObject { ["type"] = type, ["custom_id"] = customId };
        CopyId(input, answer);
        if (type == 4)
        {
            var value = values.GetValueOrDefault(customId) ?? "";
            var required = (bool?)input["required"] ?? true;
            if (required && value.Length == 0)
            {
                throw new InvalidOperationException($"The modal's text input '{customId}' is required; Discord would not let the user submit it empty.");
            }

            if (value.Length > ((int?)input["max_length"] ?? 4000) || (value.Length > 0 && value.Length < ((int?)input["min_length"] ?? 0)))
            {
                throw new InvalidOperationException($"'{value}' breaks the length limits of text input '{customId}'.");
            }

            answer["value"] = value;
        }
        else
        {
            answer["values"] = new JsonArray([.. (selections.GetValueOrDefault(customId) ?? []).Select(value => (JsonNode)value)]);
        }

        return answer;
    }

    private static void CopyId(JsonObject from, JsonObject to)
    {
        if (from["id"] is JsonNode id)
        {
            to["id"] = id.DeepClone();
        }
    }
}
