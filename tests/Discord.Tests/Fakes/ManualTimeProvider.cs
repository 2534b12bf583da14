namespace CineSync.Discord.Tests.Fakes;

/// <summary>
/// A clock that moves only when told. <see cref="DriveAsync{T}"/> runs an operation to completion
/// by jumping to each timer it waits on, so "waits 64.57 s" takes no real time and the recorded
/// instants are exact.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by) => AdvanceTo(GetUtcNow() + by);

    public void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_lock)
            {
                due = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (due is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt;
                }

                _timers.Remove(due);
                if (due.Period is { } period)
                {
                    due.DueAt = _now + period;
                    _timers.Add(due);
                }
            }

            due.Fire();
        }
    }

    /// <summary>Runs <paramref name="operation"/>, advancing the clock to each pending timer whenever the operation is waiting.</summary>
    public async Task<T> DriveAsync<T>(Task<T> operation)
    {
        await DriveAsync((Task)operation);
        return await operation;
    }

    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public async Task DriveAsync(Task operation)
    {
        // A guard against a hang, not a measurement: generous, so a busy machine never trips it.
        var safety = global::System.Diagnostics.Stopwatch.StartNew();
        while (!operation.IsCompleted)
        {
            if (safety.Elapsed > HangGuard)
            {
                throw new TimeoutException("The operation neither completed nor waited on the fake clock.");
            }

            DateTimeOffset? next;
            Task changed;
            lock (_lock)
            {
                next = _timers.Count > 0 ? _timers.Min(t => t.DueAt) : null;
                changed = _changed.Task;
            }

            if (next is { } at)
            {
                // Fire timers on a pool thread: with no SynchronizationContext there, the woken code runs
                // inline, at the instant its timer fired, before the clock moves on.
                await Task.Run(() => AdvanceTo(at));
            }
            else
            {
                await Task.WhenAny(operation, changed, Task.Delay(50));
            }
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = _now + dueTime;
                timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                _timers.Add(timer);
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            owner.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}
