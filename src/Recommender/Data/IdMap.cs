using System.Runtime.InteropServices;

namespace CineSync.Recommender.Data;

/// <summary>Maps external ids to dense indices 0..Count-1 and back, in order of first appearance.</summary>
/// <typeparam name="T">External id type.</typeparam>
internal sealed class IdMap<T> where T : notnull
{
    private readonly Dictionary<T, int> _toDense;
    private readonly List<T> _toExternal;

    /// <summary>Creates an empty map.</summary>
    public IdMap()
    {
        _toDense = [];
        _toExternal = [];
    }

    /// <summary>Creates a map whose dense index of <c>ids[i]</c> is <c>i</c>.</summary>
    public IdMap(IEnumerable<T> ids)
        : this()
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            GetOrAdd(id);
        }
    }

    /// <summary>Number of ids.</summary>
    public int Count => _toExternal.Count;

    /// <summary>External ids in dense order.</summary>
    public IReadOnlyList<T> ExternalIds => _toExternal;

    /// <summary>Dense index of <paramref name="id"/>, adding it if new.</summary>
    public int GetOrAdd(T id)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_toDense, id, out var exists);
        if (!exists)
        {
            slot = _toExternal.Count;
            _toExternal.Add(id);
        }

        return slot;
    }

    /// <summary>Dense index of <paramref name="id"/>, or -1 when unknown.</summary>
    public int IndexOf(T id) => _toDense.TryGetValue(id, out var index) ? index : -1;

    /// <summary>External id at dense <paramref name="index"/>.</summary>
    public T this[int index] => _toExternal[index];
}
