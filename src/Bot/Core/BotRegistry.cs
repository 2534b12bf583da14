using CineSync.Discord.Commands;
using CineSync.Discord.JsonModels;

namespace CineSync.Bot.Core;

/// <summary>
/// Every command, button prefix and form prefix the bot knows, with the handler type behind each. Filled once at
/// start-up; both front ends (Discord and console) route through it.
/// </summary>
internal sealed class BotRegistry
{
    private readonly Dictionary<string, CommandRegistration> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HandlerRegistration> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HandlerRegistration> _modals = new(StringComparer.Ordinal);

    public IEnumerable<CommandRegistration> Commands => _commands.Values;

    public IEnumerable<HandlerRegistration> Components => _components.Values;

    public IEnumerable<HandlerRegistration> Modals => _modals.Values;

    public BotRegistry AddCommand<T>()
        where T : class, IBotCommand
    {
        var definition = T.Definition;
        _commands.Add(definition.Name, new CommandRegistration(definition, definition.Build(), T.Acknowledgement, typeof(T)));
        return this;
    }

    public BotRegistry AddComponent<T>()
        where T : class, IComponentHandler
    {
        _components.Add(T.Prefix, new HandlerRegistration(T.Prefix, T.Acknowledgement, typeof(T)));
        return this;
    }

    public BotRegistry AddModal<T>()
        where T : class, IModalHandler
    {
        _modals.Add(T.Prefix, new HandlerRegistration(T.Prefix, Acknowledgement.DeferredEphemeral, typeof(T)));
        return this;
    }

    public CommandRegistration? FindCommand(string name) => _commands.GetValueOrDefault(name);

    public HandlerRegistration? FindComponent(string prefix) => _components.GetValueOrDefault(prefix);

    public HandlerRegistration? FindModal(string prefix) => _modals.GetValueOrDefault(prefix);
}

/// <summary>A command: its builder (for Discord), its validated definition (for the console), how it acknowledges, its handler.</summary>
internal sealed record CommandRegistration(SlashCommandBuilder Builder, JsonApplicationCommand Definition, Acknowledgement Acknowledgement, Type HandlerType)
{
    public string Name => Definition.Name;
}

/// <summary>A button or form prefix with its handler.</summary>
internal sealed record HandlerRegistration(string Prefix, Acknowledgement Acknowledgement, Type HandlerType);
