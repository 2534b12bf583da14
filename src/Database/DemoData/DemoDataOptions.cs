namespace CineSync.Database.DemoData;

/// <summary>The MovieLens data imported when the catalogue is empty. Bound from the <c>Data</c> section.</summary>
public sealed class DemoDataOptions
{
    /// <summary>The configuration section holding these options (<c>--Data:Path=...</c>, env <c>Data__Path</c>).</summary>
    public const string SectionName = "Data";

    /// <summary>Where MovieLens ml-latest-small (or ml-latest) is downloaded from.</summary>
    public const string DownloadPage = "https://grouplens.org/datasets/movielens/latest/";

    /// <summary>
    /// A MovieLens ml-latest(-small) folder, or an http(s) URL of its zip (downloaded into
    /// <see cref="DownloadDirectory"/> once). Default: <c>../shared/data/ml-latest-small</c> relative to
    /// the current directory or the repository, when it exists. The HetRec and IMDB 5000 folders
    /// (<c>hetrec2011-movielens-2k</c>, <c>imdb-5000-movie-metadata</c>) are imported too when they sit beside it.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Import when the catalogue holds no movie at start. Default true.</summary>
    public bool ImportWhenEmpty { get; set; } = true;

    /// <summary>Where a downloaded zip is unpacked, relative to the current directory. Default <c>.cinesync/data</c>.</summary>
    public string DownloadDirectory { get; set; } = System.IO.Path.Combine(".cinesync", "data");
}
