namespace CineSync.Grains.Taste;

/// <summary>
/// The last titles a user was shown with each model's share of their score, so 👍/👎 on one of them credits the models
/// that put it there. A fixed ring of <see cref="Capacity"/> slots, allocated on the first recommendation: a warm grain
/// pays a few hundred bytes for it rather than a dictionary and a queue. Model names are interned, because names
/// deserialized from another silo are new strings per message.
/// </summary>
internal sealed class ShownTitles
{
    /// <summary>How many recently shown titles keep their model shares.</summary>
    public const int Capacity = 20;

    private Slot[]? _slots;
    private int _next;

    /// <summary>Remembers <paramref name="movieId"/>'s shares, replacing an earlier showing of it or the oldest title.</summary>
    public void Remember(int movieId, IReadOnlyDictionary<string, float> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var contributions = new KeyValuePair<string, float>[shares.Count];
        var i = 0;
        foreach (var (model, share) in shares)
        {
            contributions[i++] = new(string.Intern(model), share);
        }

        _slots ??= new Slot[Capacity];
        var index = IndexOf(movieId);
        if (index < 0)
        {
            index = _next;
            _next = (_next + 1) % Capacity;
        }

        _slots[index] = new Slot(movieId, contributions);
    }

    /// <summary>The shares <paramref name="movieId"/> was shown with, when it is among the last titles shown.</summary>
    public KeyValuePair<string, float>[]? Find(int movieId) => IndexOf(movieId) is var index and >= 0 ? _slots![index].Contributions : null;

    public void Clear()
    {
        _slots = null;
        _next = 0;
    }

    private int IndexOf(int movieId)
    {
        if (_slots is null)
        {
            return -1;
        }

        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Contributions is not null && _slots[i].MovieId == movieId)
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Slot(int MovieId, KeyValuePair<string, float>[] Contributions);
}
