using System.Globalization;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Interactions.Routing;

/// <summary>
/// A component or modal custom_id of the form <c>prefix:arg1:arg2</c>: the prefix routes to a
/// handler, the arguments carry state (a party id, a movie id) so the bot keeps none.
/// </summary>
public sealed record CustomId(string Prefix, IReadOnlyList<string> Arguments)
{
    /// <summary>Between the prefix and each argument.</summary>
    public const char Separator = ':';

    /// <summary>Builds <c>prefix:arg1:…</c>; throws if a part contains ':' or the whole exceeds 100 characters.</summary>
    public static string Create(string prefix, params IEnumerable<string> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(arguments);
        string[] parts = [prefix, .. arguments];
        foreach (var part in parts)
        {
            if (part.Contains(Separator, StringComparison.Ordinal))
            {
                throw new DiscordLimitException($"custom_id part '{part}' contains the separator '{Separator}'.");
            }
        }

        var value = string.Join(Separator, parts);
        DiscordLimits.Length(value, DiscordLimits.CustomId, $"custom_id '{value}'", min: 1);
        return value;
    }

    /// <summary>Builds a custom_id from numbers (ids), formatted invariantly.</summary>
    public static string Create(string prefix, params IEnumerable<long> arguments)
        => Create(prefix, arguments.Select(a => a.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Splits <paramref name="value"/> at each separator: the first part is the prefix.</summary>
    public static CustomId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(Separator);
        return new CustomId(parts[0], parts[1..]);
    }

    /// <summary>How many arguments there are.</summary>
    public int Count => Arguments.Count;

    /// <summary>The argument at <paramref name="index"/>.</summary>
    public string this[int index] => Arguments[index];

    /// <summary>The argument at <paramref name="index"/> as a whole number.</summary>
    public long GetInt64(int index) => long.Parse(Arguments[index], NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>The argument at <paramref name="index"/> as an unsigned id (a snowflake).</summary>
    public ulong GetUInt64(int index) => ulong.Parse(Arguments[index], NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The custom_id text: <c>prefix:arg1:…</c>.</summary>
    public override string ToString() => string.Join(Separator, [Prefix, .. Arguments]);
}
