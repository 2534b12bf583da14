using System.Globalization;
using System.Text.Json;
using CineSync.Discord.Commands;

namespace CineSync.Discord.Interactions;

/// <summary>A value the user gave for a command option.</summary>
public sealed record CommandOption(string Name, ApplicationCommandOptionType Type, JsonElement? Value, bool Focused)
{
    /// <summary>The text of a string option; null for an object or array, which no client sends and nothing should read as a title.</summary>
    public string? AsString() => Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null } => null,
        { } v => v.GetRawText(),
        null => null,
    };

    /// <summary>The value as a whole number (also from a whole-valued number), or null.</summary>
    public long? AsInt64() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The value as a number, or null.</summary>
    public double? AsDouble() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The value as true/false, or null.</summary>
    public bool? AsBoolean() => Value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>User, role, channel and mentionable options carry a snowflake string.</summary>
    public ulong? AsSnowflake()
        => ulong.TryParse(AsString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
