using System.Globalization;
using System.Text;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Discord.JsonModels;

namespace CineSync.Bot.ConsoleMode;

/// <summary>
/// Reads a typed command such as <c>/recommend count:5 genre:thriller</c> or <c>/rate title:"The Matrix" stars:4.5</c>
/// against the same definitions Discord gets: option names, types, choices and required options are checked the same way.
/// Words without a name go to the first text option not given (<c>/why The Matrix</c>); mentions (<c>@alice</c>, <c>@2</c>)
/// fill the user options in order (<c>/watch_party @a @b</c>).
/// </summary>
internal static class ConsoleCommandLine
{
    public static IReadOnlyList<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inToken = false;
        foreach (var c in line)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'' && (current.Length == 0 || current[^1] == ':'))
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Parses the options after the command name; throws <see cref="UserInputException"/> with a usage hint when they do not fit.</summary>
    public static Dictionary<string, string> ParseOptions(JsonApplicationCommand definition, IReadOnlyList<string> tokens, Func<string, long?>? userIds = null)
    {
        userIds ??= NumericUserId;
        var options = definition.Options ?? [];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var loose = new List<string>();
        var mentions = new List<string>();
        foreach (var token in tokens)
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var option = colon > 0 ? options.FirstOrDefault(o => string.Equals(o.Name, token[..colon], StringComparison.OrdinalIgnoreCase)) : null;
            if (option is not null)
            {
                values[option.Name] = Coerce(definition.Name, option, token[(colon + 1)..], userIds);
            }
            else if (token.StartsWith('@') || token.StartsWith("<@", StringComparison.Ordinal))
            {
                mentions.Add(token);
            }
            else
            {
                loose.Add(token);
            }
        }

        foreach (var mention in mentions)
        {
            var target = options.FirstOrDefault(o => o.Type == (int)ApplicationCommandOptionType.User && !values.ContainsKey(o.Name))
                ?? throw new UserInputException($"/{definition.Name} takes no more members than {options.Count(o => o.Type == (int)ApplicationCommandOptionType.User)}. {Usage(definition)}");
            values[target.Name] = Coerce(definition.Name, target, mention, userIds);
        }

        if (loose.Count > 0)
        {
            var target = options.FirstOrDefault(o => o.Type == (int)ApplicationCommandOptionType.String && o.Choices is null && !values.ContainsKey(o.Name))
                ?? throw new UserInputException($"I didn't understand '{Text.Truncate(string.Join(' ', loose), 80)}'. {Usage(definition)}");
            values[target.Name] = string.Join(' ', loose);
        }

        if (options.FirstOrDefault(o => o.Required == true && !values.ContainsKey(o.Name)) is { } missing)
        {
            throw new UserInputException($"/{definition.Name} needs {missing.Name}. {Usage(definition)}");
        }

        return values;
    }

    public static string Usage(JsonApplicationCommand definition) =>
        "Usage: /" + definition.Name + string.Concat((definition.Options ?? []).Select(o => o.Type == (int)ApplicationCommandOptionType.User
            ? (o.Required == true ? " @member" : $" [@member]")
            : o.Required == true ? $" {o.Name}:…" : $" [{o.Name}:…]"));

    private static long? NumericUserId(string text) =>
        long.TryParse(text.Trim('<', '>', '@', '!'), NumberStyles.None, CultureInfo.InvariantCulture, out var user) && user > 0 ? user : null;

    private static string Coerce(string command, JsonCommandOption option, string value, Func<string, long?> userIds)
    {
        if (option.Choices is { Length: > 0 } choices)
        {
            var choice = choices.FirstOrDefault(c => string.Equals(c.Name, value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(ChoiceValue(c), value, StringComparison.OrdinalIgnoreCase)
                || ChoiceValue(c).StartsWith(value, StringComparison.OrdinalIgnoreCase) && value.Length >= 3);
            return choice is not null
                ? ChoiceValue(choice)
                : throw new UserInputException($"/{command} {option.Name} can be: {string.Join(", ", choices.Select(ChoiceValue))}.");
        }

        switch ((ApplicationCommandOptionType)option.Type)
        {
            case ApplicationCommandOptionType.Integer:
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) && InRange(option, integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : throw new UserInputException($"/{command} {option.Name} must be a whole number{Range(option)}.");
            case ApplicationCommandOptionType.Number:
                return double.TryParse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && InRange(option, number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : throw new UserInputException($"/{command} {option.Name} must be a number{Range(option)}.");
            case ApplicationCommandOptionType.User:
                return userIds(value) is { } user
                    ? user.ToString(CultureInfo.InvariantCulture)
                    : throw new UserInputException($"/{command} {option.Name} takes a user, like @2 or @alice ({option.Name}:2 works too).");
            default:
                return value;
        }
    }

    private static string ChoiceValue(JsonCommandOptionChoice choice) =>
        choice.Value.ValueKind == System.Text.Json.JsonValueKind.String ? choice.Value.GetString() ?? "" : choice.Value.GetRawText();

    private static bool InRange(JsonCommandOption option, double value) =>
        (option.MinValue is not { } min || value >= min) && (option.MaxValue is not { } max || value <= max);

    private static string Range(JsonCommandOption option) =>
        option.MinValue is { } min && option.MaxValue is { } max ? $" from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}" : "";
}
