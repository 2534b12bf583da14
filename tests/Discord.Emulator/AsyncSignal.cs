namespace CineSync.Discord.Emulator;

/// <summary>
/// Wakes every waiter when emulator state changes, so tests await conditions instead of sleeping.
/// Take <see cref="Next"/> before checking the condition, then await it: no change can slip between.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _current = New();

    public Task Next => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, New()).TrySetResult();

    /// <summary>Polls <paramref name="probe"/> on every change until it yields a value or <paramref name="timeout"/> passes.</summary>
    public async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var changed = Next;
            if (probe() is { } value)
            {
                return value;
            }

            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {describe()}.");
            }
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
