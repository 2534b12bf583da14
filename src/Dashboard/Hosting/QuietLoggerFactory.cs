using Microsoft.Extensions.Logging;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// The logger factory of the dashboard's own web server: forwards to the silo's loggers but only from
/// <see cref="LogLevel.Warning"/> up, so that the page's once-a-second requests do not flood the log tail
/// they are showing.
/// </summary>
internal sealed class QuietLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new QuietLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The dashboard's server logs through the silo's providers.");

    public void Dispose()
    {
        // The silo owns the inner factory.
    }

    private sealed class QuietLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
