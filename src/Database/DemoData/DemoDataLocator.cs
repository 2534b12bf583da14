using System.IO.Compression;

namespace CineSync.Database.DemoData;

/// <summary>Finds (or downloads) the demo data a fresh catalogue is filled from.</summary>
internal static class DemoDataLocator
{
    /// <summary>
    /// The folders looked at when no path is configured: ../shared/data/ml-latest-small beside the
    /// current directory, then beside the repository (the nearest folder above holding CineSync.sln).
    /// </summary>
    public static IEnumerable<string> DefaultCandidates()
    {
        var bases = new List<string> { Directory.GetCurrentDirectory() };
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CineSync.sln")))
                {
                    bases.Add(dir.FullName);
                    break;
                }
            }
        }

        return bases
            .Select(b => Path.GetFullPath(Path.Combine(b, "..", "shared", "data", DemoDataSet.MovieLensFolder)))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The configured folder, the downloaded and unpacked URL, or the first default candidate that
    /// holds MovieLens; null when none does. <paramref name="lookedAt"/> lists the folders tried.
    /// </summary>
    public static async Task<DemoDataSet?> LocateAsync(DemoDataOptions options, List<string> lookedAt, CancellationToken ct)
    {
        var configured = options.Path;
        if (Uri.TryCreate(configured, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            var folder = await DownloadAsync(uri, Path.GetFullPath(options.DownloadDirectory), ct).ConfigureAwait(false);
            lookedAt.Add(uri.ToString());
            return folder is null ? null : DemoDataSet.Beside(folder);
        }

        var candidates = string.IsNullOrWhiteSpace(configured) ? DefaultCandidates() : [Path.GetFullPath(configured)];
        foreach (var candidate in candidates)
        {
            lookedAt.Add(candidate);
            if (DemoDataSet.IsMovieLensFolder(candidate))
            {
                return DemoDataSet.Beside(candidate);
            }
        }

        return null;
    }

    /// <summary>Downloads a MovieLens zip once and returns the unpacked folder holding movies.csv.</summary>
    private static async Task<string?> DownloadAsync(Uri url, string downloadDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(downloadDirectory);
        var zip = Path.Combine(downloadDirectory, Path.GetFileName(url.LocalPath) is { Length: > 0 } name ? name : "movielens.zip");
        var unpacked = Path.Combine(downloadDirectory, Path.GetFileNameWithoutExtension(zip)); // ml-latest-small.zip holds ml-latest-small/
        if (FindMovieLens(unpacked) is { } ready)
        {
            return ready;
        }

        using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) })
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var partial = zip + ".part";
            await using (var file = File.Create(partial))
            {
                await response.Content.CopyToAsync(file, ct).ConfigureAwait(false);
            }

            File.Move(partial, zip, overwrite: true);
        }

        await ZipFile.ExtractToDirectoryAsync(zip, downloadDirectory, overwriteFiles: true, ct).ConfigureAwait(false);
        return FindMovieLens(unpacked) ?? FindMovieLens(downloadDirectory);
    }

    /// <summary>The folder at or one level below <paramref name="root"/> that holds movies.csv (zips wrap it in a folder).</summary>
    private static string? FindMovieLens(string root)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        return DemoDataSet.IsMovieLensFolder(root)
            ? root
            : Directory.EnumerateDirectories(root).FirstOrDefault(DemoDataSet.IsMovieLensFolder);
    }
}
