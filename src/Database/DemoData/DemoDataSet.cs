namespace CineSync.Database.DemoData;

/// <summary>The folders of one demo import: MovieLens, and the optional director/cast sources beside it.</summary>
public sealed record DemoDataSet(string MovieLens, string? Hetrec, string? Imdb5000)
{
    /// <summary>The HetRec 2011 folder name.</summary>
    public const string HetrecFolder = "hetrec2011-movielens-2k";

    /// <summary>The IMDB 5000 folder name.</summary>
    public const string Imdb5000Folder = "imdb-5000-movie-metadata";

    /// <summary>The default MovieLens folder name.</summary>
    public const string MovieLensFolder = "ml-latest-small";

    /// <summary>A MovieLens folder with the HetRec and IMDB 5000 folders that sit beside it, when they do.</summary>
    public static DemoDataSet Beside(string movieLensFolder)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(movieLensFolder)));
        string? Sibling(string name, string file) =>
            parent is not null && File.Exists(Path.Combine(parent, name, file)) ? Path.Combine(parent, name) : null;
        return new DemoDataSet(
            Path.GetFullPath(movieLensFolder),
            Sibling(HetrecFolder, "movie_directors.dat"),
            Sibling(Imdb5000Folder, "movie_metadata.csv"));
    }

    /// <summary>True when <paramref name="folder"/> holds a MovieLens "latest" data set.</summary>
    public static bool IsMovieLensFolder(string folder) =>
        File.Exists(Path.Combine(folder, "movies.csv")) && File.Exists(Path.Combine(folder, "ratings.csv"));
}
