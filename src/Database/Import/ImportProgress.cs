namespace CineSync.Database.Import;

/// <summary>Progress of a long import: lines read so far in one file.</summary>
public readonly record struct ImportProgress(string Dataset, string File, int Rows);
