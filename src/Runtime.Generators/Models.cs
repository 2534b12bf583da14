namespace CineSync.Runtime.Generators;

/// <summary>Generated source for one grain interface (equatable, so the pipeline caches it).</summary>
internal sealed record InterfaceOutput(string FullName, string HintName, string Source, string Registration);

/// <summary>Registration statement for one grain class.</summary>
internal sealed record ClassOutput(string FullName, string Registration);
