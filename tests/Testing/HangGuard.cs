namespace CineSync.Testing;

/// <summary>
/// The one guard against a test that hangs, never a measurement: a test waits on an event or a barrier, and this only
/// turns "never" into a failure. Generous, so a busy machine never trips it.
/// </summary>
public static class HangGuard
{
    /// <summary>How long a wait may take before the test is declared hung.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>A token cancelled after <see cref="Limit"/> (or <paramref name="limit"/>); dispose it when done.</summary>
    public static CancellationTokenSource Start(TimeSpan? limit = null)
    {
        var guard = new CancellationTokenSource();
        guard.CancelAfter(limit ?? Limit);
        return guard;
    }

    /// <summary>Waits for <paramref name="task"/>; fails with <paramref name="what"/> when <paramref name="guard"/> runs out first.</summary>
    public static async Task WaitAsync(Task task, CancellationTokenSource guard, string what)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(guard);
        try
        {
            await task.WaitAsync(guard.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested && !task.IsCompleted)
        {
            throw new TimeoutException(what);
        }
    }

    /// <summary>Waits for <paramref name="task"/>, failing with <paramref name="what"/> after <see cref="Limit"/>.</summary>
    public static async Task<T> WaitAsync<T>(Task<T> task, string what)
    {
        using var guard = Start();
        await WaitAsync((Task)task, guard, what).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Waits for <paramref name="task"/>, failing with <paramref name="what"/> after <see cref="Limit"/>.</summary>
    public static async Task WaitAsync(Task task, string what)
    {
        using var guard = Start();
        await WaitAsync(task, guard, what).ConfigureAwait(false);
    }
}
