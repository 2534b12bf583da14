using Microsoft.Extensions.Time.Testing;

namespace CineSync.Testing;

/// <summary>
/// The tests' one fake clock: a <see cref="FakeTimeProvider"/> that stands still until the test moves it, and also knows
/// which timers (a <c>Task.Delay</c>, a timed cancellation) are pending. So a test can wait until the code under test
/// arms a timer (<see cref="ArmedAsync"/>) and then move time past it, or run an operation to completion by jumping
/// to each timer it waits on (<see cref="DriveAsync(Task)"/>): "waits 64.57 s" takes no real time, the recorded
/// instants are exact, and what happens at 0.5 s of bot time happens there however busy the machine is.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _armed = [];
    private readonly List<(TimeSpan Due, int After, TaskCompletionSource Armed)> _waiters = [];
    private readonly Dictionary<TrackedTimer, DateTimeOffset> _pending = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A clock at 2026-01-01 00:00 UTC.</summary>
    public TestClock()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>A clock at <paramref name="start"/>.</summary>
    public TestClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>How many timers have been armed so far: pass it to <see cref="ArmedAsync"/> to count only later ones.</summary>
    public int Mark()
    {
        lock (_lock)
        {
            return _armed.Count;
        }
    }

    /// <summary>Completes once a timer of <paramref name="due"/> is armed after <paramref name="mark"/>.</summary>
    public Task ArmedAsync(TimeSpan due, int mark)
    {
        lock (_lock)
        {
            if (_armed.Skip(mark).Contains(due))
            {
                return Task.CompletedTask;
            }

            var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((due, mark, armed));
            return armed.Task;
        }
    }

    /// <summary>Runs <paramref name="operation"/>, advancing the clock to each pending timer whenever the operation is waiting.</summary>
    public async Task<T> DriveAsync<T>(Task<T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await DriveAsync((Task)operation).ConfigureAwait(false);
        return await operation.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="operation"/>, advancing the clock to each pending timer whenever the operation is waiting;
    /// fails (<see cref="HangGuard"/>) when it neither completes nor waits on this clock.
    /// </summary>
    public async Task DriveAsync(Task operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var guard = HangGuard.Start();
        while (!operation.IsCompleted)
        {
            DateTimeOffset? next;
            Task changed;
            lock (_lock)
            {
                next = _pending.Count > 0 ? _pending.Values.Min() : null;
                changed = _changed.Task;
            }

            if (next is { } at)
            {
                // Fire timers on a pool thread: with no SynchronizationContext there, the woken code runs inline, at
                // the instant its timer fired, before the clock moves on.
                await Task.Run(() => SetUtcNow(at > GetUtcNow() ? at : GetUtcNow())).ConfigureAwait(false);
            }
            else
            {
                await HangGuard.WaitAsync(Task.WhenAny(operation, changed), guard, "The operation neither completed nor waited on the test clock.").ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(s => tracked.Fire(callback, s), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            _armed.Add(dueTime);
            _waiters.RemoveAll(w =>
            {
                if (w.Due != dueTime || _armed.Count <= w.After)
                {
                    return false;
                }

                w.Armed.TrySetResult();
                return true;
            });
        }

        tracked.Change(dueTime, period);
        return tracked;
    }

    private void Track(TrackedTimer timer, DateTimeOffset? dueAt)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (dueAt is { } at)
            {
                _pending[timer] = at;
            }
            else
            {
                _pending.Remove(timer);
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        private TimeSpan? _period;

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            clock.Track(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Fire(TimerCallback callback, object? state)
        {
            clock.Track(this, _period is { } period ? clock.GetUtcNow() + period : null);
            callback(state);
        }

        public void Dispose()
        {
            clock.Track(this, null);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Track(this, null);
            return Inner.DisposeAsync();
        }
    }
}
