using CineSync.Discord.Commands;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Rest;

namespace CineSync.Discord.Interactions.Routing;

/// <summary>
/// Routes interactions to handlers: commands and autocomplete by command name, components and
/// modals by custom_id prefix. Also holds the command definitions to register with Discord.
/// Configure once at start-up; dispatching is thread-safe.
/// </summary>
public sealed class InteractionRouter
{
    private readonly Dictionary<string, Func<InteractionContext<ApplicationCommandInteraction>, ValueTask>> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<InteractionContext<AutocompleteInteraction>, ValueTask>> _autocomplete = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<InteractionContext<ComponentInteraction>, ValueTask>> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<InteractionContext<ModalSubmitInteraction>, ValueTask>> _modals = new(StringComparer.Ordinal);
    private readonly List<JsonApplicationCommand> _definitions = [];

    /// <summary>Called for interactions no handler matches. By default they are left unanswered.</summary>
    public Func<InteractionContext, ValueTask>? Fallback { get; set; }

    /// <summary>The definitions of commands mapped with <see cref="MapSlashCommand"/>, for bulk overwrite.</summary>
    public IReadOnlyList<JsonApplicationCommand> CommandDefinitions => _definitions;

    /// <summary>Defines a slash command (validated now) and its handler.</summary>
    public InteractionRouter MapSlashCommand(SlashCommandBuilder definition, Func<InteractionContext<ApplicationCommandInteraction>, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definitions.Add(definition.Build());
        return MapCommand(definition.Name, handler);
    }

    /// <summary>Handles a command defined elsewhere.</summary>
    public InteractionRouter MapCommand(string name, Func<InteractionContext<ApplicationCommandInteraction>, ValueTask> handler)
        => Add(_commands, name, handler, "command");

    /// <summary>Routes autocomplete requests of <paramref name="commandName"/> to <paramref name="handler"/>; returns this router.</summary>
    public InteractionRouter MapAutocomplete(string commandName, Func<InteractionContext<AutocompleteInteraction>, ValueTask> handler)
        => Add(_autocomplete, commandName, handler, "autocomplete");

    /// <summary>Handles buttons and selects whose custom_id starts with <paramref name="prefix"/>.</summary>
    public InteractionRouter MapComponent(string prefix, Func<InteractionContext<ComponentInteraction>, ValueTask> handler)
        => Add(_components, CheckPrefix(prefix), handler, "component");

    /// <summary>Handles modals whose custom_id starts with <paramref name="prefix"/>.</summary>
    public InteractionRouter MapModal(string prefix, Func<InteractionContext<ModalSubmitInteraction>, ValueTask> handler)
        => Add(_modals, CheckPrefix(prefix), handler, "modal");

    /// <summary>Runs the matching handler. Returns false when none matched (after running <see cref="Fallback"/>).</summary>
    public async ValueTask<bool> DispatchAsync(Interaction interaction, IInteractionResponder responder, DiscordRestClient rest, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        switch (interaction)
        {
            case AutocompleteInteraction a when _autocomplete.TryGetValue(a.CommandName, out var handler):
                await handler(new(a, responder, rest, services, cancellationToken)).ConfigureAwait(false);
                return true;
            case ApplicationCommandInteraction c and not AutocompleteInteraction when _commands.TryGetValue(c.CommandName, out var handler):
                await handler(new(c, responder, rest, services, cancellationToken)).ConfigureAwait(false);
                return true;
            case ComponentInteraction c when _components.TryGetValue(CustomId.Parse(c.CustomId).Prefix, out var handler):
                await handler(new(c, responder, rest, services, cancellationToken)).ConfigureAwait(false);
                return true;
            case ModalSubmitInteraction m when _modals.TryGetValue(CustomId.Parse(m.CustomId).Prefix, out var handler):
                await handler(new(m, responder, rest, services, cancellationToken)).ConfigureAwait(false);
                return true;
            case PingInteraction:
                await responder.RespondAsync(interaction, InteractionCallback.Pong(), cancellationToken).ConfigureAwait(false);
                return true;
        }

        if (Fallback is { } fallback)
        {
            await fallback(new InteractionContext(interaction, responder, rest, services, cancellationToken)).ConfigureAwait(false);
        }

        return false;
    }

    private static string CheckPrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix.Contains(CustomId.Separator, StringComparison.Ordinal)
            ? throw new ArgumentException($"A route prefix cannot contain '{CustomId.Separator}'.", nameof(prefix))
            : prefix;
    }

    private InteractionRouter Add<T>(Dictionary<string, T> routes, string key, T handler, string kind)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!routes.TryAdd(key, handler))
        {
            throw new InvalidOperationException($"A {kind} handler for '{key}' is already mapped.");
        }

        return this;
    }
}
