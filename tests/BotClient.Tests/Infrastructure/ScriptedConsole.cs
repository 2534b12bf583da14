using System.Collections.Concurrent;
using System.Text;

namespace CineSync.BotClient.Tests.Infrastructure;

/// <summary>A terminal for the console mode: lines are typed by the test; everything written is kept.</summary>
internal sealed class ScriptedConsole
{
    private readonly BlockingCollection<string> _lines = [];
    private readonly LockedWriter _output = new();

    public TextReader Input => new LineReader(_lines);

    public TextWriter Output => _output;

    public string Text => _output.Snapshot();

    public void Type(params string[] lines)
    {
        foreach (var line in lines)
        {
            _lines.Add(line);
        }
    }

    public void EndInput() => _lines.CompleteAdding();

    private sealed class LineReader(BlockingCollection<string> lines) : TextReader
    {
        public override string? ReadLine() => lines.TryTake(out var line, Timeout.Infinite) ? line : null;
    }

    private sealed class LockedWriter : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_text)
            {
                _text.Append(value).Append('\n');
            }
        }

        public string Snapshot()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
