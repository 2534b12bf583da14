using System.Globalization;
using System.Text;

namespace CineSync.Database.Import;

/// <summary>
/// What an import did with one file. Every data line is either accepted or rejected with a reason,
/// so <c>Rows == Accepted + Rejected</c>; <see cref="Inserted"/> counts database rows that are new
/// (zero when the same file is imported again).
/// </summary>
public sealed class ImportFileReport
{
    /// <summary>How many problems are kept with their line numbers; the counts always include all of them.</summary>
    public const int MaxProblemsKept = 50;

    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, int> _rejectedByReason = new(StringComparer.Ordinal);

    internal ImportFileReport(string file) => File = file;

    /// <summary>The file name, e.g. <c>ratings.csv</c>.</summary>
    public string File { get; }

    /// <summary>Data lines read (the header excluded).</summary>
    public int Rows { get; internal set; }

    /// <summary>Lines not used, for any reason.</summary>
    public int Rejected { get; private set; }

    /// <summary>Lines used: <see cref="Rows"/> minus <see cref="Rejected"/>.</summary>
    public int Accepted => Rows - Rejected;

    /// <summary>Database rows this import added (movies, ratings, links...); zero on a re-run.</summary>
    public long Inserted { get; internal set; }

    /// <summary>How long reading and storing this file took.</summary>
    public TimeSpan? Elapsed { get; internal set; }

    internal long Started { get; init; }

    /// <summary>Rejected lines counted by reason.</summary>
    public IReadOnlyDictionary<string, int> RejectedByReason => _rejectedByReason;

    /// <summary>The first <see cref="MaxProblemsKept"/> rejected lines, with line numbers.</summary>
    public IReadOnlyList<ImportProblem> Problems => _problems;

    internal void Reject(int line, string reason, string detail)
    {
        Rejected++;
        _rejectedByReason[reason] = _rejectedByReason.GetValueOrDefault(reason) + 1;
        if (_problems.Count < MaxProblemsKept)
        {
            _problems.Add(new ImportProblem(File, line, reason, detail));
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{File}: {Rows} rows, {Inserted} new database rows");
        if (Elapsed is { } elapsed)
        {
            text.Append(CultureInfo.InvariantCulture, $" in {elapsed.TotalSeconds:0.00} s");
        }

        if (Rejected > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Rejected} rejected (");
            text.AppendJoin(", ", _rejectedByReason.OrderByDescending(r => r.Value).Select(r => $"{r.Value} {r.Key}"));
            text.Append(CultureInfo.InvariantCulture, $"; first at line {_problems[0].Line})");
        }

        return text.ToString();
    }
}
