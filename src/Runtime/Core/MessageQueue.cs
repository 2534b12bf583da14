using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>
/// An activation's waiting calls: a ring buffer that also lets an interleavable call leave from the middle
/// (a call on the current call chain must overtake calls waiting for the running turn).
/// </summary>
internal sealed class MessageQueue
{
    private Invokable?[] _items = [];
    private int _head;

    public int Count { get; private set; }

    public Invokable this[int index] => _items[(_head + index) % _items.Length]!;

    public void Enqueue(Invokable call)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[(_head + Count) % _items.Length] = call;
        Count++;
    }

    public void RemoveAt(int index)
    {
        if (index == 0)
        {
            Dequeue();
            return;
        }

        // Shift the calls after index one slot towards the head.
        for (var i = index; i < Count - 1; i++)
        {
            _items[(_head + i) % _items.Length] = _items[(_head + i + 1) % _items.Length];
        }

        _items[(_head + Count - 1) % _items.Length] = null;
        Count--;
    }

    public Invokable Dequeue()
    {
        var call = _items[_head]!;
        _items[_head] = null;
        _head = (_head + 1) % _items.Length;
        Count--;
        return call;
    }

    public List<Invokable> DrainAll()
    {
        var all = new List<Invokable>(Count);
        while (Count > 0)
        {
            all.Add(Dequeue());
        }

        return all;
    }

    private void Grow()
    {
        var bigger = new Invokable?[Math.Max(4, _items.Length * 2)];
        for (var i = 0; i < Count; i++)
        {
            bigger[i] = _items[(_head + i) % _items.Length];
        }

        _items = bigger;
        _head = 0;
    }
}
