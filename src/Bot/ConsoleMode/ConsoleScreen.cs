namespace CineSync.Bot.ConsoleMode;

/// <summary>
/// The terminal shared by the prompt, the replies and the log: one writer at a time. A log line that arrives while the
/// prompt waits for input is printed above it and the prompt is shown again, so log lines never run into what the user
/// types.
/// </summary>
internal sealed class ConsoleScreen(BotConsole console)
{
    private const string ClearLine = "\r\u001b[2K";
    private readonly Lock _lock = new();
    private string? _waitingPrompt;

    public BotConsole Console => console;

    /// <summary>Shows <paramref name="prompt"/> and remembers that it waits for input.</summary>
    public void ShowPrompt(string prompt)
    {
        lock (_lock)
        {
            console.Output.Write(prompt);
            console.Output.Flush();
            _waitingPrompt = prompt;
        }
    }

    /// <summary>The user answered the prompt (their Enter ended its line; piped input is echoed to end it).</summary>
    public void InputReceived(string? line = null)
    {
        lock (_lock)
        {
            if (_waitingPrompt is not null && console.EchoInput)
            {
                console.Output.WriteLine(line ?? "");
                console.Output.Flush();
            }

            _waitingPrompt = null;
        }
    }

    /// <summary>A reply or message of the bot.</summary>
    public void WriteLine(string text)
    {
        lock (_lock)
        {
            console.Output.WriteLine(text);
            console.Output.Flush();
        }
    }

    /// <summary>A log line: above a waiting prompt, which is then shown again.</summary>
    public void WriteLog(string text)
    {
        lock (_lock)
        {
            if (_waitingPrompt is not null)
            {
                console.Output.Write(console.IsTerminal ? ClearLine : Environment.NewLine);
            }

            console.Output.WriteLine(text);
            if (_waitingPrompt is { } prompt)
            {
                console.Output.Write(prompt);
            }

            console.Output.Flush();
        }
    }
}
