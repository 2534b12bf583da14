using System.Globalization;

namespace CineSync.Bot.ConsoleMode;

/// <summary>
/// Who is who at the terminal: users are numbers (<c>/user 2</c>) or names (<c>/user alice</c>, <c>@alice</c>). A name
/// always stands for the same id, so <c>/watch_party @a @b</c> and a later <c>/user a</c> mean the same person.
/// </summary>
internal sealed class ConsoleUsers
{
    /// <summary>Named users get ids from here up, far from the small numbers typed by hand.</summary>
    private const long NamedBase = 1_000_000_000;

    private readonly Dictionary<long, string> _names = [];

    public IReadOnlyDictionary<long, string> Names => _names;

    /// <summary>The id of "2", "@2", "&lt;@2&gt;", "alice" or "@alice"; null for nothing usable.</summary>
    public long? IdOf(string text)
    {
        var name = text.Trim().Trim('<', '>').TrimStart('@', '!').Trim();
        if (name.Length == 0)
        {
            return null;
        }

        if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id > 0 ? id : null;
        }

        if (!name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            return null;
        }

        // FNV-1a: stable across runs and machines (string.GetHashCode is not).
        var hash = 2166136261u;
        foreach (var c in name.ToLowerInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        var named = NamedBase + hash;
        _names[named] = name;
        return named;
    }

    /// <summary>"alice (user 1000123456)" or "user 2".</summary>
    public string Describe(long id) => _names.TryGetValue(id, out var name)
        ? string.Create(CultureInfo.InvariantCulture, $"{name} (user {id})")
        : string.Create(CultureInfo.InvariantCulture, $"user {id}");
}
