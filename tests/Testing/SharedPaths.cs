namespace CineSync.Testing;

/// <summary>Locates ../shared (data sets, Discord spec and fixtures) beside the repository clone.</summary>
public static class SharedPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The ../shared folder.</summary>
    public static string SharedRoot => Root.Value;

    /// <summary>The repository root (the folder holding CineSync.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A data set folder under ../shared/data, such as <c>ml-latest-small</c>.</summary>
    public static string Data(string name) => Path.Combine(SharedRoot, "data", name);

    /// <summary>The Discord OpenAPI spec.</summary>
    public static string DiscordOpenApiSpec => Path.Combine(SharedRoot, "discord-api-spec", "openapi.json");

    /// <summary>The Discord contract fixtures folder.</summary>
    public static string DiscordFixtures => Path.Combine(SharedRoot, "discord-contract-fixtures");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CineSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find CineSync.sln above " + AppContext.BaseDirectory);
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CINESYNC_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate)
            ? candidate
            : throw new InvalidOperationException($"The shared folder was not found at {candidate}; set CINESYNC_SHARED to its path.");
    }
}
