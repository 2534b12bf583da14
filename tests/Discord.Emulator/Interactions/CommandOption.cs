using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Interactions;

/// <summary>An option value a scripted user fills in for a slash command (or its focused autocomplete text).</summary>
public sealed record CommandOption
{
    private CommandOption(string name, int type, JsonNode? value, bool focused, EmulatedUser? user, IReadOnlyList<CommandOption>? options)
    {
        Name = name;
        Type = type;
        Value = value;
        Focused = focused;
        User = user;
        Options = options;
    }

    /// <summary>Option name.</summary>
    public string Name { get; }

    /// <summary>Discord option type (1 subcommand, 3 string, 4 integer, 5 boolean, 6 user, 10 number…).</summary>
    public int Type { get; }

    /// <summary>The value as sent.</summary>
    public JsonNode? Value { get; }

    /// <summary>Whether this is the option being typed (autocomplete).</summary>
    public bool Focused { get; }

    /// <summary>For user options: the chosen user (added to <c>resolved</c>).</summary>
    public EmulatedUser? User { get; }

    /// <summary>For subcommands: their options.</summary>
    public IReadOnlyList<CommandOption>? Options { get; }

    /// <summary>A string option; <paramref name="focused"/> marks partial text for autocomplete.</summary>
    public static CommandOption String(string name, string value, bool focused = false) => new(name, 3, value, focused, null, null);

    /// <summary>An integer option.</summary>
    public static CommandOption Integer(string name, long value) => new(name, 4, value, false, null, null);

    /// <summary>A boolean option.</summary>
    public static CommandOption Boolean(string name, bool value) => new(name, 5, value, false, null, null);

    /// <summary>A number option.</summary>
    public static CommandOption Number(string name, double value) => new(name, 10, value, false, null, null);

    /// <summary>A user option: its value is the user id and the user (and member) appear in <c>data.resolved</c>.</summary>
    public static CommandOption ForUser(string name, EmulatedUser user) => new(name, 6, user.IdString, false, user, null);

    /// <summary>Partial text typed into a non-string option while autocompleting (Discord sends it as a string).</summary>
    public static CommandOption Typing(string name, int type, string partial) => new(name, type, partial, true, null, null);

    /// <summary>A subcommand with its options.</summary>
    public static CommandOption Subcommand(string name, params CommandOption[] options) => new(name, 1, null, false, null, options);

    internal JsonObject ToJson()
    {
        var option = new JsonObject { ["name"] = Name, ["type"] = Type };
        if (Options is not null)
        {
            option["options"] = new JsonArray([.. Options.Select(inner => (JsonNode)inner.ToJson())]);
        }
        else
        {
            option["value"] = Value?.DeepClone();
        }

        if (Focused)
        {
            option["focused"] = true;
        }

        return option;
    }

    internal IEnumerable<EmulatedUser> Users() =>
        (User is null ? [] : new[] { User }).Concat(Options?.SelectMany(inner => inner.Users()) ?? []);
}
