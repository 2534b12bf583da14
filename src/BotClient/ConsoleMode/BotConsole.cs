namespace CineSync.BotClient.ConsoleMode;

/// <summary>The terminal the console mode reads and writes (the process console by default; tests substitute their own).</summary>
/// <param name="Input">Lines typed by the user.</param>
/// <param name="Output">Where replies are written.</param>
public sealed record BotConsole(TextReader Input, TextWriter Output)
{
    /// <summary>The process's console.</summary>
    public static BotConsole System => new(Console.In, Console.Out);
}
