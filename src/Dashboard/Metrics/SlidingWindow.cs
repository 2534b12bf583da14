namespace CineSync.Dashboard.Metrics;

/// <summary>
/// The last <see cref="Samples"/> per-sample deltas of a call series, their running sum and the time they
/// span, so that the tables show rates and percentiles over a short recent window (about ten seconds).
/// Touched only by the sampler thread.
/// </summary>
internal sealed class SlidingWindow
{
    /// <summary>Samples the window keeps (one a second normally).</summary>
    public const int Samples = 10;

    private readonly WindowTotals[] _slots = CreateSlots();
    private readonly double[] _elapsed = new double[Samples];
    private int _next;
    private int _filled;

    /// <summary>The cumulative figures seen at the previous sample.</summary>
    public WindowTotals Previous { get; } = new();

    /// <summary>The latest sample's delta.</summary>
    public WindowTotals LastSample { get; } = new();

    /// <summary>The sum of the deltas in the window.</summary>
    public WindowTotals Sum { get; } = new();

    /// <summary>The time the window spans, in seconds.</summary>
    public double ElapsedSeconds { get; private set; }

    /// <summary>Takes the new cumulative figures: computes this sample's delta and slides the window.</summary>
    public void Advance(WindowTotals current, double elapsedSeconds)
    {
        LastSample.SetDifference(current, Previous);
        Previous.CopyFrom(current);
        var slot = _slots[_next];
        if (_filled == Samples)
        {
            Sum.Add(slot, -1);
            ElapsedSeconds -= _elapsed[_next];
        }
        else
        {
            _filled++;
        }

        slot.CopyFrom(LastSample);
        Sum.Add(slot);
        _elapsed[_next] = elapsedSeconds;
        ElapsedSeconds += elapsedSeconds;
        _next = (_next + 1) % Samples;
    }

    private static WindowTotals[] CreateSlots()
    {
        var slots = new WindowTotals[Samples];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = new WindowTotals();
        }

        return slots;
    }
}
