using Microsoft.Extensions.Logging;

namespace CineSync.Cluster.Tests.Infrastructure;

/// <summary>
/// Sends a host's log entries of <see cref="MinimumLevel"/> and above to the test's output, and keeps them so a test can
/// ask what was logged.
/// </summary>
internal sealed class TestOutputLogger(ITestOutputHelper output, LogLevel minimumLevel) : ILoggerProvider
{
    private readonly List<string> _entries = [];

    public LogLevel MinimumLevel => minimumLevel;

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_entries)
        {
            _entries.Add(line);
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; a late entry of a host being disposed has nowhere to go.
        }
    }

    private sealed class Logger(TestOutputLogger provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var error = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
                provider.Write($"{TimeProvider.System.GetLocalNow():HH:mm:ss.fff} client {logLevel} {category}: {formatter(state, exception)}{error}");
            }
        }
    }
}
