using CineSync.Discord.Commands;
using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Interactions;

/// <summary>
/// A slash command (or user/message command). Sub-commands are unwrapped: <see cref="SubCommand"/>
/// names the path ("group sub") and <see cref="Options"/> holds the leaf values.
/// </summary>
public class ApplicationCommandInteraction : Interaction
{
    private readonly Dictionary<string, CommandOption> _byName;

    internal ApplicationCommandInteraction(JsonInteraction json)
        : base(json)
    {
        var data = json.Data;
        CommandName = data?.Name ?? "";
        var options = data?.Options ?? [];
        var path = new List<string>();
        while (options is [{ Type: (int)ApplicationCommandOptionType.SubCommand or (int)ApplicationCommandOptionType.SubCommandGroup } group])
        {
            path.Add(group.Name);
            options = group.Options ?? [];
        }

        SubCommand = path.Count > 0 ? string.Join(' ', path) : null;
        Options = [.. options.Select(o => new CommandOption(o.Name, (ApplicationCommandOptionType)o.Type, o.Value, o.Focused == true))];
        _byName = Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        ResolvedUsers = ResolveUsers(data?.Resolved);
    }

    /// <summary>The command's name.</summary>
    public string CommandName { get; }
    /// <summary>The registered command's id.</summary>
    public ulong CommandId => Json.Data?.Id ?? 0;

    /// <summary>1 slash command, 2 user command, 3 message command.</summary>
    public int CommandType => Json.Data?.Type ?? 1;

    /// <summary>The user or message a context-menu command targets.</summary>
    public ulong? TargetId => Json.Data?.TargetId;

    /// <summary>The subcommand path ("group sub"), or null for a command without subcommands.</summary>
    public string? SubCommand { get; }
    /// <summary>The options given, those of the subcommand when there is one.</summary>
    public IReadOnlyList<CommandOption> Options { get; }

    /// <summary>Users named by user options (or targeted), with members when resolved.</summary>
    public IReadOnlyDictionary<ulong, ResolvedUser> ResolvedUsers { get; }

    /// <summary>The option named <paramref name="name"/>, or null when it was not given.</summary>
    public CommandOption? GetOption(string name) => _byName.GetValueOrDefault(name);
    /// <summary>The text of option <paramref name="name"/>, or null.</summary>
    public string? GetString(string name) => GetOption(name)?.AsString();
    /// <summary>The whole number of option <paramref name="name"/>, or null.</summary>
    public long? GetInt64(string name) => GetOption(name)?.AsInt64();
    /// <summary>The number of option <paramref name="name"/>, or null.</summary>
    public double? GetDouble(string name) => GetOption(name)?.AsDouble();
    /// <summary>The true/false of option <paramref name="name"/>, or null.</summary>
    public bool? GetBoolean(string name) => GetOption(name)?.AsBoolean();

    /// <summary>The user given for a user option, with their member data when Discord sent it.</summary>
    public ResolvedUser? GetUser(string name)
        => GetOption(name)?.AsSnowflake() is { } id ? ResolvedUsers.GetValueOrDefault(id) ?? new ResolvedUser(new DiscordUser(id, "", null, false), null) : null;
}
