namespace CineSync.Testing;

/// <summary>
/// The headless browser of the dashboard's browser test, found rather than assumed: <c>CINESYNC_CHROMIUM</c> when set,
/// else the first of Chromium's usual program names on <c>PATH</c> (Debian's <c>chromium</c>, Ubuntu's
/// <c>chromium-browser</c>, Google Chrome).
/// </summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser's path; fails with how to install it when there is none.</summary>
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("CINESYNC_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"CINESYNC_CHROMIUM names {configured}, which does not exist.");
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"No Chromium on PATH (looked for {string.Join(", ", Names)}): apt-get install -y chromium, or set CINESYNC_CHROMIUM to its path.");
    }
}
