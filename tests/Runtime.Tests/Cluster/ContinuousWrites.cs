using System.Collections.Concurrent;

namespace CineSync.Runtime.Tests.Cluster;

/// <summary>
/// One writer per grain appending 0, 1, 2, … until stopped; a value counts as acknowledged only when its call
/// returned (the grain persisted it). Failed calls are recorded and the writer moves on to the next value.
/// </summary>
internal sealed class ContinuousWrites
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers;

    private ContinuousWrites(int grains, Func<long, int, Task> append) =>
        _writers = Enumerable.Range(0, grains).Select(key => Task.Run(() => WriteAsync(key, append))).ToList();

    public ConcurrentDictionary<long, ConcurrentBag<int>> Acknowledged { get; } = new();

    public ConcurrentBag<Exception> Failures { get; } = [];

    public static ContinuousWrites Start(int grains, Func<long, int, Task> append) => new(grains, append);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
        _stop.Dispose();
    }

    /// <summary>Acknowledged values missing from what each grain persisted.</summary>
    public async Task<List<(long Key, int Value)>> FindLostAsync(Func<long, Task<int[]>> saved)
    {
        var lost = new List<(long, int)>();
        foreach (var (key, values) in Acknowledged)
        {
            var stored = (await saved(key)).ToHashSet();
            lost.AddRange(values.Where(v => !stored.Contains(v)).Select(v => (key, v)));
        }

        return lost;
    }

    private async Task WriteAsync(long key, Func<long, int, Task> append)
    {
        for (var value = 0; !_stop.IsCancellationRequested; value++)
        {
            try
            {
                await append(key, value);
                Acknowledged.GetOrAdd(key, _ => []).Add(value);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Failures.Add(exception);
                await Task.Delay(20);
            }
        }
    }
}
