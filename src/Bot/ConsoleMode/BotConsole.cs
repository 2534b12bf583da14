namespace CineSync.Bot.ConsoleMode;

/// <summary>The terminal the console mode reads and writes (the process console by default; tests substitute their own).</summary>
/// <param name="Input">Lines typed by the user.</param>
/// <param name="Output">Where replies are written.</param>
/// <param name="IsTerminal">Output goes to a terminal, so a log line can clear the prompt line before it prints.</param>
/// <param name="EchoInput">Input is piped (<c>printf '/help\n' | ./run.sh</c>): write each line read after the prompt, as a terminal would have shown it.</param>
public sealed record BotConsole(TextReader Input, TextWriter Output, bool IsTerminal = false, bool EchoInput = false)
{
    /// <summary>The process's console.</summary>
    public static BotConsole System => new(Console.In, Console.Out, !Console.IsOutputRedirected, Console.IsInputRedirected);
}
