using Microsoft.Extensions.Time.Testing;

namespace CineSync.BotClient.Tests.Infrastructure;

/// <summary>
/// A clock that stands still until the test moves it (a <see cref="FakeTimeProvider"/>), and tells the test when
/// someone starts waiting on it: a test waits for the bot to arm its "thinking…" timer, then moves time past it, so what
/// happens at 0.5 s or 2 s of bot time happens there however busy the machine is.
/// </summary>
internal sealed class StepClock : TimeProvider
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly List<TimeSpan> _armed = [];
    private readonly List<(TimeSpan Due, int After, TaskCompletionSource Armed)> _waiters = [];

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override long GetTimestamp() => _time.GetTimestamp();

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _time.LocalTimeZone;

    /// <summary>How many timers have been armed so far: pass it to <see cref="ArmedAsync"/> to count only later ones.</summary>
    public int Mark()
    {
        lock (_armed)
        {
            return _armed.Count;
        }
    }

    /// <summary>Completes once a timer (a Task.Delay, a timed cancellation) of <paramref name="due"/> is armed after <paramref name="mark"/>.</summary>
    public Task ArmedAsync(TimeSpan due, int mark)
    {
        lock (_armed)
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

    /// <summary>Moves time on, firing every timer that falls due.</summary>
    public void Advance(TimeSpan by) => _time.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _time.CreateTimer(callback, state, dueTime, period);
        lock (_armed)
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

        return timer;
    }
}
