using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>Application command registration (bulk overwrite keeps ids of commands that survive, like Discord).</summary>
internal sealed partial class RestHandlers
{
    private RestResult GetCommands(RestRequest request)
    {
        if (!IsOurApplication(request, "application_id"))
        {
            return DiscordErrors.Error(404, "Unknown Application", 10002);
        }

        var scope = request.Parameters.GetValueOrDefault("guild_id") ?? "";
        return RestResult.Ok(_state.Commands.TryGetValue(scope, out var commands) ? commands.DeepClone() : new JsonArray());
    }

    private RestResult PutCommands(RestRequest request)
    {
        if (!IsOurApplication(request, "application_id"))
        {
            return DiscordErrors.Error(404, "Unknown Application", 10002);
        }

        var guildId = request.Parameters.GetValueOrDefault("guild_id");
        if (guildId is not null && (ParseId(guildId) is not { } id || !_state.Guilds.ContainsKey(id)))
        {
            return DiscordErrors.Error(404, "Unknown Guild", 10004);
        }

        var scope = guildId ?? "";
        var definitions = (request.Body as JsonArray ?? []).OfType<JsonObject>().ToList();
        var duplicate = definitions.GroupBy(definition => ((int?)definition["type"] ?? 1, (string?)definition["name"])).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            return DiscordErrors.Error(400, $"Application command names must be unique ({duplicate.Key.Item2})", 50035);
        }

        lock (_state.Sync)
        {
            var existing = _state.Commands.GetValueOrDefault(scope) ?? [];
            var stored = new JsonArray();
            foreach (var definition in definitions)
            {
                var type = (int?)definition["type"] ?? 1;
                var name = (string?)definition["name"];
                var previous = existing.OfType<JsonObject>().FirstOrDefault(command => (int?)command["type"] == type && (string?)command["name"] == name);
                var command = (JsonObject)definition.DeepClone();
                command["id"] = (string?)previous?["id"] ?? _state.Ids.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
                command["application_id"] = _state.BotUser.IdString;
                command["version"] = _state.Ids.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
                command["type"] = type;
                command["default_member_permissions"] ??= null;
                command["nsfw"] ??= false;
                command["description"] ??= "";
                if (guildId is not null)
                {
                    command["guild_id"] = guildId;
                }

                stored.Add(command);
            }

            _state.Commands[scope] = stored;
        }

        _state.Changed.Pulse();
        return RestResult.Ok(_state.Commands[scope].DeepClone());
    }
}
