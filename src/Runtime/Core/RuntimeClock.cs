namespace CineSync.Runtime.Core;

/// <summary>
/// A coarse tick driven by the silo's <see cref="TimeProvider"/>: calls record the tick they were sent at,
/// activations the tick of their last turn, so timeouts and idle collection cost no clock reads per call.
/// </summary>
internal sealed class RuntimeClock : IDisposable
{
    private readonly ITimer _timer;
    private readonly Action<int> _onTick;
    private int _tick;

    public RuntimeClock(TimeProvider timeProvider, TimeSpan period, Action<int> onTick)
    {
        Period = period;
        _onTick = onTick;
        _timer = timeProvider.CreateTimer(static s => ((RuntimeClock)s!).Advance(), this, period, period);
    }

    public TimeSpan Period { get; }

    public int Tick => Volatile.Read(ref _tick);

    /// <summary>How many ticks cover <paramref name="span"/> (at least one).</summary>
    public int TicksFor(TimeSpan span) => (int)Math.Max(1, Math.Ceiling(span / Period));

    public void Dispose() => _timer.Dispose();

    private void Advance() => _onTick(Interlocked.Increment(ref _tick));
}
