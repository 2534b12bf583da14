using System.Globalization;

namespace CineSync.Bot.Core;

/// <summary>A slash command as typed, whatever the front end: option values as invariant strings.</summary>
/// <param name="UserId">Who ran it.</param>
/// <param name="InteractionId">A unique id of this invocation (Discord interaction id; a counter in the console).</param>
/// <param name="Options">Option values by name.</param>
/// <param name="UserNames">Display names of users named in user options, when known.</param>
internal sealed record CommandInput(long UserId, string InteractionId, IReadOnlyDictionary<string, string> Options, IReadOnlyDictionary<long, string>? UserNames = null)
{
    public string? GetString(string name) => Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public long? GetInteger(string name) =>
        GetString(name) is { } value && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public double? GetNumber(string name) =>
        GetString(name) is { } value && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
