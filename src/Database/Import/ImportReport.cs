namespace CineSync.Database.Import;

/// <summary>What one import run did, file by file.</summary>
public sealed class ImportReport
{
    private readonly List<ImportFileReport> _files = [];

    internal ImportReport(string dataset) => Dataset = dataset;

    /// <summary>The data set name stored with the rows, e.g. <c>ml-latest-small</c>.</summary>
    public string Dataset { get; }

    /// <summary>One entry per file read, in the order they were read.</summary>
    public IReadOnlyList<ImportFileReport> Files => _files;

    /// <summary>How long the import took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Rejected lines over all files.</summary>
    public int Rejected => _files.Sum(f => f.Rejected);

    /// <summary>Every kept problem over all files.</summary>
    public IEnumerable<ImportProblem> Problems => _files.SelectMany(f => f.Problems);

    /// <summary>The report of the file named <paramref name="file"/>.</summary>
    public ImportFileReport this[string file] => _files.Single(f => string.Equals(f.File, file, StringComparison.Ordinal));

    internal ImportFileReport AddFile(string file)
    {
        EndFile();
        var report = new ImportFileReport(file) { Started = System.Diagnostics.Stopwatch.GetTimestamp() };
        _files.Add(report);
        return report;
    }

    /// <summary>Stops the clock of the file being read (files are read one after another).</summary>
    internal void EndFile()
    {
        if (_files.Count > 0 && _files[^1] is { Elapsed: null } current)
        {
            current.Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(current.Started);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Dataset} in {Elapsed.TotalSeconds:0.0} s: " + string.Join("; ", _files);
}
