using System.Text;
using Microsoft.Extensions.Logging;

namespace CineSync.Bot.ConsoleMode;

/// <summary>
/// Console logging for the console mode, written through the <see cref="ConsoleScreen"/> (instead of the default console
/// logger, whose background writes land in the middle of the prompt). Same layout as the default: level, category, message.
/// </summary>
internal sealed class ConsoleScreenLoggerProvider(ConsoleScreen screen) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ScreenLogger(categoryName, screen);

    public void Dispose()
    {
    }

    private sealed class ScreenLogger(string category, ConsoleScreen screen) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = new StringBuilder();
            text.Append(Level(logLevel)).Append(": ").Append(category).Append('[').Append(eventId.Id).AppendLine("]");
            text.Append("      ").Append(formatter(state, exception));
            if (exception is not null)
            {
                text.AppendLine().Append(exception);
            }

            screen.WriteLog(text.ToString());
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
