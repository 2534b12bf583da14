using System.Text;

namespace CineSync.Database.Import.Text;

/// <summary>
/// Reads delimited records one at a time: RFC 4180 CSV (quoted fields, doubled quotes, quoted line
/// breaks) or plain separated lines (MovieLens '|' and tab files, where quotes are ordinary text).
/// CRLF and LF endings are both accepted. Every record carries the physical line it starts on, so
/// problems can be reported with a line number a person can open in an editor.
/// </summary>
internal sealed class DelimitedReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly bool _quoted;
    private readonly StringBuilder _field = new();
    private int _physicalLine;

    public DelimitedReader(string path, Encoding encoding, char delimiter, bool quoted)
    {
        FileName = Path.GetFileName(path);
        _reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        _delimiter = delimiter;
        _quoted = quoted;
    }

    /// <summary>The field separator.</summary>
    public char Delimiter => _delimiter;

    /// <summary>The file name (without folder), as problems report it.</summary>
    public string FileName { get; }

    /// <summary>Reads the next non-empty record into <paramref name="fields"/>; false at the end of the file.</summary>
    public bool TryRead(List<string> fields, out int line)
    {
        fields.Clear();
        string? text;
        do
        {
            text = _reader.ReadLine();
            _physicalLine++;
            if (text is null)
            {
                line = _physicalLine;
                return false;
            }
        }
        while (text.Length == 0);

        line = _physicalLine;
        if (!_quoted)
        {
            fields.AddRange(text.Split(_delimiter));
            return true;
        }

        ParseQuoted(text, fields);
        return true;
    }

    private void ParseQuoted(string text, List<string> fields)
    {
        _field.Clear();
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i == text.Length)
            {
                if (!inQuotes)
                {
                    break;
                }

                // A quoted field spans lines: keep the line break and continue with the next line.
                var next = _reader.ReadLine();
                if (next is null)
                {
                    break; // unterminated quote at the end of the file: keep what we have
                }

                _physicalLine++;
                _field.Append('\n');
                text = next;
                i = 0;
                continue;
            }

            var c = text[i++];
            if (inQuotes)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if (i < text.Length && text[i] == '"')
                {
                    _field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == _delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else
            {
                _field.Append(c);
            }
        }

        fields.Add(_field.ToString());
    }

    public void Dispose() => _reader.Dispose();
}
