using System.Collections.Concurrent;
using System.ComponentModel;

namespace CineSync.Runtime.Invocation;

/// <summary>
/// A pool of calls of one generated type: a one-item slot per thread (the common case: a call rented and
/// returned on the same thread) backed by a bounded shared queue.
/// </summary>
/// <typeparam name="T">The generated call type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class InvokablePool<T> where T : Invokable, new()
{
    private const int MaxShared = 1024;

    [ThreadStatic]
    private static T? t_slot;

    private readonly ConcurrentQueue<T> _shared = new();
    private int _sharedCount;

    /// <summary>A call ready to fill.</summary>
    public T Rent()
    {
        var item = t_slot;
        if (item is not null)
        {
            t_slot = null;
            return item;
        }

        if (_shared.TryDequeue(out item))
        {
            Interlocked.Decrement(ref _sharedCount);
            return item;
        }

        return new T();
    }

    /// <summary>Takes back a reset call.</summary>
    public void Return(T item)
    {
        if (t_slot is null)
        {
            t_slot = item;
            return;
        }

        if (Interlocked.Increment(ref _sharedCount) <= MaxShared)
        {
            _shared.Enqueue(item);
        }
        else
        {
            Interlocked.Decrement(ref _sharedCount);
        }
    }
}
