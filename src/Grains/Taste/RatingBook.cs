using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>
/// A user's ratings in one list sorted by movie id: 16 bytes a rating and binary-search lookups, so a warm grain with a
/// hundred ratings stays small (a dictionary would add ~20 bytes a rating plus buckets, and a second list for requests).
/// </summary>
internal sealed class RatingBook
{
    private readonly List<RatedMovie> _items = [];

    public int Count => _items.Count;

    /// <summary>The ratings, by movie id. Live: copy before handing them out of the grain's turn.</summary>
    public IReadOnlyList<RatedMovie> Values => _items;

    public IEnumerable<int> Keys => _items.Select(r => r.MovieId);

    public bool ContainsKey(int movieId) => IndexOf(movieId) >= 0;

    public bool TryGetValue(int movieId, out RatedMovie rating)
    {
        var index = IndexOf(movieId);
        rating = index >= 0 ? _items[index] : default;
        return index >= 0;
    }

    /// <summary>Adds or replaces the rating of <paramref name="rating"/>'s title.</summary>
    public void Set(RatedMovie rating)
    {
        var index = IndexOf(rating.MovieId);
        if (index >= 0)
        {
            _items[index] = rating;
        }
        else
        {
            _items.Insert(~index, rating);
        }
    }

    public bool Remove(int movieId)
    {
        var index = IndexOf(movieId);
        if (index >= 0)
        {
            _items.RemoveAt(index);
        }

        return index >= 0;
    }

    public void Clear()
    {
        _items.Clear();
        _items.TrimExcess();
    }

    /// <summary>Trims spare capacity once loaded (activation reads all ratings at once).</summary>
    public void Compact() => _items.TrimExcess();

    private int IndexOf(int movieId)
    {
        int lo = 0, hi = _items.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var id = _items[mid].MovieId;
            if (id == movieId) { return mid; }
            if (id < movieId) { lo = mid + 1; } else { hi = mid - 1; }
        }

        return ~lo;
    }
}
