using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Logging;

/// <summary>Feeds every log line at or above <see cref="DashboardOptions.MinimumLogLevel"/> into the <see cref="LogTail"/>.</summary>
[ProviderAlias("Dashboard")]
internal sealed class DashboardLoggerProvider(LogTail tail, TimeProvider time, IOptions<DashboardOptions> options) : ILoggerProvider
{
    private readonly LogLevel _minimum = options.Value.MinimumLogLevel;

    public ILogger CreateLogger(string categoryName) => new TailLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class TailLogger(DashboardLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message = $"{message} — {exception.GetType().Name}: {exception.Message}";
            }

            provider.Append(logLevel, category, message);
        }
    }

    private void Append(LogLevel level, string category, string message) =>
        tail.Append(time.GetUtcNow().ToUnixTimeMilliseconds(), level.ToString(), category, message);
}
