namespace CineSync.Dashboard.Metrics;

/// <summary>
/// The last <see cref="Capacity"/> seconds of a few numeric columns, slotted by wall-clock second so that
/// a missed tick leaves a gap instead of shifting the chart. Single writer (the sampler); readers take
/// <see cref="Read"/> under the collector's lock.
/// </summary>
internal sealed class HistoryRing
{
    /// <summary>15 minutes of one-second points.</summary>
    public const int Capacity = 900;

    private readonly long[] _stamps = new long[Capacity];
    private readonly double[][] _columns;

    public HistoryRing(int columns)
    {
        _columns = new double[columns][];
        for (var i = 0; i < columns; i++)
        {
            _columns[i] = new double[Capacity];
        }

        Array.Fill(_stamps, long.MinValue);
    }

    /// <summary>The latest second written, or <see cref="long.MinValue"/>.</summary>
    public long LastSecond { get; private set; } = long.MinValue;

    /// <summary>The first second ever written, or <see cref="long.MinValue"/>.</summary>
    public long FirstSecond { get; private set; } = long.MinValue;

    public void Write(long unixSecond, ReadOnlySpan<double> values)
    {
        var slot = Slot(unixSecond);
        _stamps[slot] = unixSecond;
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c][slot] = values[c];
        }

        LastSecond = Math.Max(LastSecond, unixSecond);
        if (FirstSecond == long.MinValue)
        {
            FirstSecond = unixSecond;
        }
    }

    /// <summary>The first second a read ending at <paramref name="endSecond"/> returns.</summary>
    public long StartFor(long endSecond) => Math.Max(endSecond - Capacity + 1, FirstSecond == long.MinValue ? endSecond + 1 : FirstSecond);

    /// <summary>A column from <see cref="StartFor"/> up to <paramref name="endSecond"/> inclusive, nulls where no sample exists.</summary>
    public double?[] Read(int column, long endSecond)
    {
        var start = StartFor(endSecond);
        var result = new double?[Math.Max(0, endSecond - start + 1)];
        for (var i = 0; i < result.Length; i++)
        {
            var second = start + i;
            var slot = Slot(second);
            result[i] = _stamps[slot] == second && !double.IsNaN(_columns[column][slot]) ? _columns[column][slot] : null;
        }

        return result;
    }

    private static int Slot(long unixSecond) => (int)(((unixSecond % Capacity) + Capacity) % Capacity);
}
