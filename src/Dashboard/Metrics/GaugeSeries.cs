namespace CineSync.Dashboard.Metrics;

/// <summary>A value that is either added to (counters, up-down counters) or set (observable instruments).</summary>
internal sealed class GaugeSeries(string first, string second)
{
    private long _value;

    /// <summary>The first tag value (grain type, feedback kind).</summary>
    public string First { get; } = first;

    /// <summary>The second tag value (model), or "(none)".</summary>
    public string Second { get; } = second;

    public long Value => Volatile.Read(ref _value);

    public void Add(long delta) => Interlocked.Add(ref _value, delta);

    public void Set(long value) => Volatile.Write(ref _value, value);
}
