namespace CineSync.Database.Import;

/// <summary>One input line an import could not use, and why.</summary>
/// <param name="File">The file name, e.g. <c>ratings.csv</c>.</param>
/// <param name="Line">The 1-based physical line the record starts on (the header is line 1).</param>
/// <param name="Reason">A short, stable reason such as <c>rating out of range</c>; counts are grouped by it.</param>
/// <param name="Detail">What was found, for a person to fix the file.</param>
public sealed record ImportProblem(string File, int Line, string Reason, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Reason} ({Detail})";
}
