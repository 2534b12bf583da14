using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator;

/// <summary>Scripted users acting: slash commands, autocomplete, buttons, selects and modals.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>
    /// <paramref name="user"/> runs <c>/<paramref name="command"/></c> in <paramref name="channel"/>. The command must
    /// have been registered by the bot (globally or in the guild) and the options must fit its definition.
    /// </summary>
    public Task<InteractionHandle> SendSlashCommandAsync(EmulatedUser user, EmulatedChannel channel, string command, IEnumerable<CommandOption>? options = null, CancellationToken cancellationToken = default) =>
        SendCommandAsync(2, user, channel, command, [.. options ?? []], cancellationToken);

    /// <summary>
    /// <paramref name="user"/> runs <c>/<paramref name="command"/></c>, a command the bot does not (or no longer) register:
    /// guild commands left over from an earlier development run, or a stale client. Discord still delivers it.
    /// </summary>
    public Task<InteractionHandle> SendStaleSlashCommandAsync(EmulatedUser user, EmulatedChannel channel, string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        var data = new JsonObject
        {
            ["id"] = _state.Ids.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = command,
            ["type"] = 1,
            ["guild_id"] = channel.Guild.IdString,
        };
        return DispatchAsync(2, user, channel, data, null, cancellationToken);
    }

    /// <summary><paramref name="user"/> is typing into an autocomplete option (mark it with <c>focused: true</c>).</summary>
    public Task<InteractionHandle> SendAutocompleteAsync(EmulatedUser user, EmulatedChannel channel, string command, IEnumerable<CommandOption> options, CancellationToken cancellationToken = default)
    {
        var list = options?.ToList() ?? throw new ArgumentNullException(nameof(options));
        if (!Flatten(list).Any(option => option.Focused))
        {
            throw new ArgumentException("An autocomplete interaction needs one focused option.", nameof(options));
        }

        return SendCommandAsync(4, user, channel, command, list, cancellationToken);
    }

    /// <summary><paramref name="user"/> presses the button <paramref name="customId"/> on (the latest version of) <paramref name="message"/>.</summary>
    public Task<InteractionHandle> ClickButtonAsync(EmulatedUser user, EmulatedMessage message, string customId, CancellationToken cancellationToken = default)
    {
        var (current, component) = Component(user, message, customId, 2);
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        CopyId(component, data);
        return DispatchAsync(3, user, current.Channel, data, current, cancellationToken);
    }

    /// <summary><paramref name="user"/> picks <paramref name="values"/> in the string select <paramref name="customId"/>.</summary>
    public Task<InteractionHandle> SelectStringsAsync(EmulatedUser user, EmulatedMessage message, string customId, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (current, component) = Component(user, message, customId, 3);
        var offered = (component["options"] as JsonArray ?? []).Select(option => (string?)option?["value"]).ToHashSet();
        if (values.FirstOrDefault(value => !offered.Contains(value)) is { } unknown)
        {
            throw new InvalidOperationException($"The select '{customId}' offers no option '{unknown}'.");
        }

        CheckCount(component, customId, values.Count);
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 3, ["values"] = new JsonArray([.. values.Select(value => (JsonNode)value)]) };
        CopyId(component, data);
        return DispatchAsync(3, user, current.Channel, data, current, cancellationToken);
    }

    /// <summary><paramref name="user"/> picks <paramref name="users"/> in the user select <paramref name="customId"/>.</summary>
    public Task<InteractionHandle> SelectUsersAsync(EmulatedUser user, EmulatedMessage message, string customId, IReadOnlyList<EmulatedUser> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var (current, component) = Component(user, message, customId, 5);
        CheckCount(component, customId, users.Count);
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = 5,
            ["values"] = new JsonArray([.. users.Select(picked => (JsonNode)picked.IdString)]),
            ["resolved"] = InteractionPayloads.Resolved(current.Channel.Guild, users) ?? [],
        };
        CopyId(component, data);
        return DispatchAsync(3, user, current.Channel, data, current, cancellationToken);
    }

    /// <summary>
    /// <paramref name="user"/> fills in and submits the modal the bot opened in answer to <paramref name="shownBy"/>:
    /// <paramref name="values"/> by text input custom_id, <paramref name="selections"/> for selects inside labels.
    /// </summary>
    public Task<InteractionHandle> SubmitModalAsync(EmulatedUser user, InteractionHandle shownBy, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string[]>? selections = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shownBy);
        ArgumentNullException.ThrowIfNull(values);
        var modal = shownBy.Modal ?? throw new InvalidOperationException($"The bot answered {shownBy.Description} with no modal (callback {shownBy.Response?.Type.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).");
        var components = InteractionPayloads.ModalAnswers(modal["components"] as JsonArray ?? [], values, selections ?? new Dictionary<string, string[]>());
        var asked = Flatten(components).Select(component => (string?)component["custom_id"]).ToHashSet();
        if (values.Keys.FirstOrDefault(key => !asked.Contains(key)) is { } stray)
        {
            throw new InvalidOperationException($"The modal '{modal["custom_id"]}' has no input '{stray}'.");
        }

        var data = new JsonObject { ["custom_id"] = modal["custom_id"]?.DeepClone(), ["components"] = components };
        var source = _state.Interactions[shownBy.Id].SourceMessageId is { } id ? _state.Messages[id] : null;
        return DispatchAsync(5, user, shownBy.Channel, data, source, cancellationToken);
    }

    /// <summary>
    /// <paramref name="user"/> sends an interaction of <paramref name="type"/> with <paramref name="data"/> as given,
    /// unchecked against the registered commands and the message's components: what a tampered or stale client, or a
    /// forged button, makes Discord deliver. <paramref name="message"/> is the message a component interaction came from.
    /// </summary>
    public Task<InteractionHandle> SendUncheckedAsync(int type, EmulatedUser user, EmulatedChannel channel, JsonObject data, EmulatedMessage? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(data);
        return DispatchAsync(type, user, channel, data, message, cancellationToken);
    }

    private Task<InteractionHandle> SendCommandAsync(int type, EmulatedUser user, EmulatedChannel channel, string name, List<CommandOption> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        var (definition, scope) = FindCommand(channel.Guild, name);
        CommandChecks.Validate(definition, options, type == 4);
        var data = new JsonObject
        {
            ["id"] = (string?)definition["id"],
            ["name"] = name,
            ["type"] = 1,
        };
        if (options.Count > 0)
        {
            data["options"] = new JsonArray([.. options.Select(option => (JsonNode)option.ToJson())]);
        }

        if (InteractionPayloads.Resolved(channel.Guild, options.SelectMany(option => option.Users())) is { } resolved)
        {
            data["resolved"] = resolved;
        }

        if (scope.Length > 0)
        {
            data["guild_id"] = scope;
        }

        return DispatchAsync(type, user, channel, data, null, cancellationToken);
    }

    private async Task<InteractionHandle> DispatchAsync(int type, EmulatedUser user, EmulatedChannel channel, JsonObject data, EmulatedMessage? message, CancellationToken cancellationToken)
    {
        var session = await Gateway.SessionForAsync(channel.Guild, cancellationToken).ConfigureAwait(false);
        var id = _state.Ids.Next();
        var token = InteractionPayloads.Token(id);
        var payload = InteractionPayloads.Envelope(_state, id, token, type, user, channel, data, message);
        InteractionRecord record = null!;
        Gateway.Locked(() =>
        {
            record = new InteractionRecord
            {
                Id = id,
                Token = token,
                Type = type,
                Payload = payload,
                User = user,
                Channel = channel,
                SourceMessageId = message?.Id,
                DispatchedAt = _state.Time.GetUtcNow(),
                DispatchedTimestamp = _state.Time.GetTimestamp(),
            };
            _state.Interactions[id] = record;
            _state.InteractionsByToken[token] = record;
            session.Dispatch("INTERACTION_CREATE", payload.DeepClone());
        });
        _state.Changed.Pulse();
        return new InteractionHandle(_state, record);
    }

    private (JsonObject Definition, string Scope) FindCommand(EmulatedGuild guild, string name)
    {
        foreach (var scope in new[] { guild.IdString, "" })
        {
            if (_state.Commands.TryGetValue(scope, out var commands)
                && commands.OfType<JsonObject>().FirstOrDefault(command => (string?)command["name"] == name && (int?)command["type"] == 1) is { } found)
            {
                return (found, scope);
            }
        }

        var known = string.Join(", ", _state.Commands.Values.SelectMany(list => list.OfType<JsonObject>()).Select(command => "/" + (string?)command["name"]));
        throw new InvalidOperationException($"The bot has not registered /{name} (registered: {(known.Length == 0 ? "none" : known)}).");
    }

    private (EmulatedMessage Current, JsonObject Component) Component(EmulatedUser user, EmulatedMessage message, string customId, int componentType)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(message);
        var current = _state.Messages.TryGetValue(message.Id, out var latest) ? latest : message;
        if (current.IsDeleted)
        {
            throw new InvalidOperationException($"Message {current.Id} was deleted.");
        }

        if (current.IsEphemeral && current.InteractionId is { } origin && _state.Interactions.TryGetValue(origin, out var owner) && owner.User.Id != user.Id)
        {
            throw new InvalidOperationException($"Message {current.Id} is ephemeral: only {owner.User.Username} can see it.");
        }

        var component = current.FindComponent(customId)
            ?? throw new InvalidOperationException($"Message {current.Id} has no component '{customId}' (has: {string.Join(", ", current.InteractiveComponents.Select(c => (string?)c["custom_id"]))}).");
        if ((int?)component["type"] != componentType)
        {
            throw new InvalidOperationException($"Component '{customId}' is of type {component["type"]}, not {componentType}.");
        }

        if ((bool?)component["disabled"] == true)
        {
            throw new InvalidOperationException($"Component '{customId}' is disabled.");
        }

        return (current, component);
    }

    private static void CheckCount(JsonObject component, string customId, int count)
    {
        var min = (int?)component["min_values"] ?? 1;
        var max = (int?)component["max_values"] ?? 1;
        if (count < min || count > max)
        {
            throw new InvalidOperationException($"The select '{customId}' takes {min}–{max} values, not {count}.");
        }
    }

    private static void CopyId(JsonObject component, JsonObject data)
    {
        if (component["id"] is JsonNode id)
        {
            data["id"] = id.DeepClone();
        }
    }

    private static IEnumerable<CommandOption> Flatten(IEnumerable<CommandOption> options) =>
        options.SelectMany(option => new[] { option }.Concat(Flatten(option.Options ?? [])));

    private static IEnumerable<JsonObject> Flatten(JsonArray components) =>
        components.OfType<JsonObject>().SelectMany(component =>
            new[] { component }
                .Concat(Flatten(component["components"] as JsonArray ?? []))
                .Concat(component["component"] is JsonObject child ? [child] : []));
}
