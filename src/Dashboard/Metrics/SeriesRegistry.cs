using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CineSync.Dashboard.Metrics;

/// <summary>
/// Finds the series of a pair of tag values. The hot path looks the values up by reference (publishers
/// pass the same string instances each time), which costs one lock-free dictionary probe and no string
/// work; a miss falls back to the values' text and remembers the references for next time.
/// </summary>
/// <typeparam name="TSeries">The per-series state.</typeparam>
internal sealed class SeriesRegistry<TSeries>(Func<string, string, TSeries> create)
    where TSeries : class
{
    /// <summary>Bounds the reference cache when a publisher makes new tag strings on every call.</summary>
    private const int MaxReferenceKeys = 4096;

    private readonly ConcurrentDictionary<ReferencePair, TSeries> _byReference = new(ReferencePairComparer.Instance);
    private readonly Dictionary<(string, string), TSeries> _byValue = [];
    private readonly Lock _gate = new();
    private TSeries[] _all = [];

    /// <summary>Every series, in creation order (copy-on-write, safe to enumerate while recording).</summary>
    public IReadOnlyList<TSeries> All => Volatile.Read(ref _all);

    /// <summary>
    /// This thread's last hit: a grain call records its counter and its histogram back to back with the
    /// same tag values, so the second lookup is two reference comparisons.
    /// </summary>
    [ThreadStatic]
    private static LastHit? t_last;

    public TSeries Get(object? first, object? second)
    {
        var last = t_last;
        if (last is not null && ReferenceEquals(last.Owner, this) && ReferenceEquals(last.First, first) && ReferenceEquals(last.Second, second))
        {
            return last.Series!;
        }

        var series = _byReference.TryGetValue(new ReferencePair(first, second), out var found) ? found : GetSlow(first, second);
        last ??= t_last = new LastHit();
        last.Owner = this;
        last.First = first;
        last.Second = second;
        last.Series = series;
        return series;
    }

    private sealed class LastHit
    {
        public SeriesRegistry<TSeries>? Owner;
        public object? First;
        public object? Second;
        public TSeries? Series;
    }

    private TSeries GetSlow(object? first, object? second)
    {
        var key = (Text(first), Text(second));
        TSeries series;
        lock (_gate)
        {
            if (!_byValue.TryGetValue(key, out series!))
            {
                series = create(key.Item1, key.Item2);
                _byValue.Add(key, series);
                _all = [.. _all, series];
            }
        }

        if (_byReference.Count < MaxReferenceKeys)
        {
            _byReference.TryAdd(new ReferencePair(first, second), series);
        }

        return series;
    }

    private static string Text(object? value) => value?.ToString() is { Length: > 0 } text ? text : "(none)";

    private readonly record struct ReferencePair(object? First, object? Second);

    private sealed class ReferencePairComparer : IEqualityComparer<ReferencePair>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals(ReferencePair x, ReferencePair y) =>
            ReferenceEquals(x.First, y.First) && ReferenceEquals(x.Second, y.Second);

        public int GetHashCode(ReferencePair obj) =>
            (RuntimeHelpers.GetHashCode(obj.First) * 31) ^ RuntimeHelpers.GetHashCode(obj.Second);
    }
}
