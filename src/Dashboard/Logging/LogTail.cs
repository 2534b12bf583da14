namespace CineSync.Dashboard.Logging;

/// <summary>
/// A ring of the last lines logged in this process, for the live log tail. Appending takes a short lock
/// (logging is not on the grain-call hot path); readers wait on a signal swapped at each append.
/// </summary>
internal sealed class LogTail(int capacity)
{
    private readonly LogLine?[] _lines = new LogLine?[Math.Max(1, capacity)];
    private readonly Lock _gate = new();
    private long _nextSequence = 1;
    private TaskCompletionSource _appended = NewSignal();

    public void Append(long timestampUnixMs, string level, string category, string message)
    {
        lock (_gate)
        {
            var sequence = _nextSequence++;
            _lines[sequence % _lines.Length] = new LogLine(sequence, timestampUnixMs, level, category, LogRedactor.Redact(message));
        }

        Interlocked.Exchange(ref _appended, NewSignal()).TrySetResult();
    }

    /// <summary>Lines with a sequence after <paramref name="afterSequence"/>, oldest first (at most the ring's capacity).</summary>
    public LogLine[] ReadAfter(long afterSequence)
    {
        lock (_gate)
        {
            var first = Math.Max(afterSequence + 1, _nextSequence - _lines.Length);
            var result = new LogLine[Math.Max(0, _nextSequence - first)];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = _lines[(first + i) % _lines.Length]!;
            }

            return result;
        }
    }

    /// <summary>Completes at the next append.</summary>
    public Task WaitForAppendAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _appended).Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
