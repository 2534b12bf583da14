namespace CineSync.Runtime.Core;

/// <summary>A continuation queued on an activation.</summary>
internal readonly struct WorkItem
{
    private readonly Delegate _callback;
    private readonly object? _state;

    public WorkItem(Delegate callback, object? state)
    {
        _callback = callback;
        _state = state;
    }

    public void Invoke()
    {
        if (_callback is Action<object?> action)
        {
            action(_state);
        }
        else
        {
            ((SendOrPostCallback)_callback)(_state);
        }
    }
}
